import { DateTime, IANAZone } from 'luxon';
import { translate, type Locale } from '../../../i18n/translate.ts';
import type { Scan } from './text.ts';
import type { CalendarDay, WallTime } from './types.ts';

export type ZoneChange = 'forward' | 'back' | 'other';

/**
 * Where a wall time lands in a zone. Following RFC 5545 (3.3.5), a time skipped by a DST change is
 * read with the offset in force before the change (2:30 → 3:30), and a repeated time is its first
 * occurrence: one-off readings refuse the first and say the second; series keep both, and say them.
 */
export type Placement =
  | { kind: 'exact'; local: DateTime }
  | { kind: 'gap'; local: DateTime; firstAfter: WallTime; change: ZoneChange }
  | { kind: 'overlap'; local: DateTime; change: ZoneChange };

export function placeWallTime(day: CalendarDay, time: WallTime, zone: string): Placement {
  const date = time.nextDay ? DateTime.fromObject(day, { zone: 'UTC' }).plus({ days: 1 }) : DateTime.fromObject(day, { zone: 'UTC' });
  const fields = { year: date.year, month: date.month, day: date.day, hour: time.nextDay ? 0 : time.hour, minute: time.minute };
  const local = DateTime.fromObject(fields, { zone });
  if (local.hour !== fields.hour || local.minute !== fields.minute) {
    return { kind: 'gap', local, firstAfter: endOfGap(fields, local, zone), change: local.isInDST ? 'forward' : 'other' };
  }
  const possible = local.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  if (possible.length > 1) {
    const first = possible[0] as DateTime;
    return { kind: 'overlap', local: first, change: first.isInDST ? 'back' : 'other' };
  }
  return { kind: 'exact', local };
}

/** The first wall time after a gap: the change's instant, read with the new offset. */
function endOfGap(fields: CalendarDay & WallTime, shifted: DateTime, zone: string): WallTime {
  const ianaZone = IANAZone.create(zone);
  const wallMs = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  const after = shifted.offset;
  let low = wallMs - after * 60_000; // before the change
  const before = ianaZone.offset(low);
  let high = wallMs - before * 60_000; // after it
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (ianaZone.offset(middle) === after) high = middle;
    else low = middle;
  }
  const change = DateTime.fromMillis(high, { zone });
  return { hour: change.hour, minute: change.minute };
}

/** The IANA id as people expect to read it back: "America/Montreal" stays so, "europe/paris" becomes "Europe/Paris". */
function zoneId(typed: string): string | null {
  if (!IANAZone.isValidZone(typed)) return null;
  const lower = typed.toLowerCase();
  const listed = Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase() === lower);
  if (listed) return listed;
  if (typed !== lower) return typed;
  return new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
}

/** Zones partners use (see the Slack form's list), by the name people say: "heure de Paris", "Réunion time". */
const named: Record<string, ZoneKey> = {
  'Europe/Paris': 'paris',
  'America/Guadeloupe': 'guadeloupe',
  'America/Martinique': 'martinique',
  'America/Cayenne': 'guyane',
  'America/Miquelon': 'miquelon',
  'America/St_Barthelemy': 'saintBarthelemy',
  'America/Marigot': 'saintMartin',
  'Indian/Reunion': 'reunion',
  'Indian/Mayotte': 'mayotte',
  'Pacific/Noumea': 'noumea',
  'Pacific/Tahiti': 'tahiti',
  'Pacific/Marquesas': 'marquesas',
  'Pacific/Wallis': 'wallis',
  'Indian/Kerguelen': 'kerguelen',
  'Europe/Brussels': 'brussels',
  'Europe/Luxembourg': 'luxembourg',
  'Europe/Zurich': 'zurich',
  'Europe/Monaco': 'monaco',
  'America/Montreal': 'montreal',
  'America/Toronto': 'toronto',
  UTC: 'utc',
  'Etc/UTC': 'utc',
};
type ZoneKey = Exclude<keyof typeof import('../../../i18n/fr/when.ts').when.zones, 'city' | 'other'>;

export function zoneLabel(zone: string, locale: Locale): string {
  const key = named[zone];
  if (key) return translate(locale, `when.zones.${key}`);
  const city = /^[A-Za-z]+\/(?:[A-Za-z]+\/)?([A-Za-z_-]+)$/.exec(zone)?.[1];
  return city ? translate(locale, 'when.zones.city', { city: city.replace(/_/g, ' ') }) : translate(locale, 'when.zones.other', { zone });
}

export function changeLabel(change: ZoneChange, locale: Locale): string {
  return translate(locale, `when.changes.${change}`);
}

export interface ZoneRead {
  timeZone: string;
  /** A fixed offset written in the text ("UTC", "GMT+2"), in minutes east of UTC. */
  offset: { minutes: number; written: string } | null;
}

const ianaPattern = /(?<![\w/])[a-z]+(?:_[a-z]+)*(?:\/[a-z0-9_+-]+)+(?![\w/])/g;
const utcPattern = /(?<![a-zà-ÿ])(?:utc|gmt)(?:\s?(?<sign>[+-])(?<hours>\d{1,2})(?::?(?<minutes>\d{2}))?)?(?![a-z\d])/g;

/** A zone named in the text ("America/Montreal") replaces the channel's; an offset ("UTC") is kept apart. */
export function readZone(scan: Scan, channelZone: string): ZoneRead {
  let named: string | null = null;
  let offset: ZoneRead['offset'] = null;
  for (const match of scan.matches(ianaPattern)) {
    const id: string | null = named ? null : zoneId(scan.quote(match.index, match.index + match[0].length));
    if (!id) continue;
    named = id;
    scan.take(match.index, match.index + match[0].length);
  }
  const [utc] = scan.matches(utcPattern);
  if (utc?.groups) {
    const { sign, hours, minutes } = utc.groups;
    const value = hours === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
    offset = { minutes: value, written: scan.quote(utc.index, utc.index + utc[0].length) };
    scan.take(utc.index, utc.index + utc[0].length);
  }
  return { timeZone: named ?? channelZone, offset };
}
