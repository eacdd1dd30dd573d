import { describeWhen } from './describe.ts';
import { refuse } from './fail.ts';
import { formatDay, formatTime, dayOf, wallOf } from './format.ts';
import { readWhen } from './read-when.ts';
import { DateTime } from 'luxon';
import type { WhenOptions, WhenRead } from './types.ts';

/**
 * One meetup's new date, for `/meetup edit`: a series is refused (with the one date to type
 * instead) rather than silently becoming a one-off; series are made by `/meetup create`.
 */
export async function parseWhen(text: string, options: WhenOptions): Promise<WhenRead> {
  const read = await readWhen(text, options);
  if (!read.recurrence) return read;
  const first = DateTime.fromJSDate(read.start, { zone: read.timeZone });
  throw refuse('seriesInEdit', {
    text: text.trim(),
    series: describeWhen(read, options.locale),
    first: `${formatDay(dayOf(first), options.locale)} ${formatTime(wallOf(first), options.locale)}`,
  });
}
