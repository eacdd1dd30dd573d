import type * as Chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { RelaisError } from '../../core/errors.ts';

export interface ParsedWhen {
  start: Date;
  timeZone: string;
}

const ianaZone = /\b([A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_+-]+)+)\b/;

/** chrono's locale data is large (about 0.5 s and 20 MiB to load): loaded on the first date to read. */
let chronoModule: Promise<typeof Chrono> | undefined;
const loadChrono = () => (chronoModule ??= import('chrono-node'));

function isZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/**
 * Natural-language dates in French and English ("jeudi prochain 18h30", "5 décembre à 9h",
 * "Dec 5 6:30pm"), read as wall-clock time in the channel's IANA zone — or in a zone named in
 * the text ("… America/Montreal"). chrono only knows fixed offsets, so it yields the calendar
 * fields and luxon places them in the zone: a date after a DST change gets that date's offset.
 */
export async function parseWhen(text: string, options: { now: Date; timeZone: string; locale: string }): Promise<ParsedWhen> {
  const chrono = await loadChrono();
  const named = ianaZone.exec(text)?.[1];
  const timeZone = named && isZone(named) ? named : options.timeZone;
  const phrase = named ? text.replace(named, ' ').trim() : text;

  const offset = DateTime.fromJSDate(options.now, { zone: timeZone }).offset;
  const reference = { instant: options.now, timezone: offset };
  const parsers = options.locale === 'en' ? [chrono.en, chrono.fr] : [chrono.fr, chrono.en];
  const candidates = parsers.flatMap((parser) => parser.parse(phrase, reference, { forwardDate: true }).slice(0, 1));
  const best = candidates.reduce<Chrono.ParsedResult | undefined>(
    (longest, candidate) => (!longest || candidate.text.length > longest.text.length ? candidate : longest),
    undefined,
  );
  if (!best) throw new RelaisError('invalid_argument', 'meetups.errors.unreadableDate', { text });
  if (!best.start.isCertain('hour')) throw new RelaisError('invalid_argument', 'meetups.errors.missingTime', { text });

  const explicitOffset = best.start.isCertain('timezoneOffset') ? best.start.get('timezoneOffset') : null;
  const fields = {
    year: best.start.get('year') ?? undefined,
    month: best.start.get('month') ?? undefined,
    day: best.start.get('day') ?? undefined,
    hour: best.start.get('hour') ?? undefined,
    minute: best.start.get('minute') ?? 0,
  };
  const zoneForFields = explicitOffset === null ? timeZone : `UTC${explicitOffset >= 0 ? '+' : '-'}${Math.abs(explicitOffset / 60)}`;
  const start = DateTime.fromObject(fields, { zone: zoneForFields });
  if (!start.isValid) throw new RelaisError('invalid_argument', 'meetups.errors.unreadableDate', { text });
  if (start.toMillis() <= options.now.getTime()) throw new RelaisError('invalid_argument', 'meetups.errors.pastDate', { text });
  return { start: start.toJSDate(), timeZone };
}
