import { refuse } from './fail.ts';
import type { Scan } from './text.ts';

/** "dans 2h", "in 2 hours", "dans 3 jours", "in a week": an amount of time from now. */
export type FromNow = { minutes: number; written: string } | { days: number; written: string };

const amount = String.raw`(?<n>\d{1,3}|une?|an?|one)`;
const unit = String.raw`(?<unit>minutes?|mins?|mn|heures?|hours?|hrs?|h|jours?|days?|semaines?|weeks?)`;
const pattern = new RegExp(
  String.raw`(?<![a-zà-ÿ])(?:dans|in)\s+(?:${amount}\s?${unit}(?:(?<=h)\s?(?<m>\d{2})(?![\d:]))?|(?<half>une demi-heure|half an hour))(?![a-zà-ÿ\d])`,
  'g',
);

const minutesPer = (unitWord: string) => (/^(?:h|heure|hour|hr)/.test(unitWord) ? 60 : 1);
const daysPer = (unitWord: string) => (/^(?:semaine|week)/.test(unitWord) ? 7 : 1);

export function readFromNow(scan: Scan): FromNow | null {
  const found = scan.matches(pattern);
  if (found.length > 1) throw refuse('severalDates', { dates: found.map((match) => match[0]).join(', ') });
  const [match] = found;
  if (!match?.groups) return null;
  const { n = '1', unit: unitWord = 'minutes', m, half } = match.groups;
  const count = /^\d+$/.test(n) ? Number(n) : 1;
  const written = scan.quote(match.index, match.index + match[0].length);
  scan.take(match.index, match.index + match[0].length);
  if (half) return { minutes: 30, written };
  if (/^(?:jour|day|semaine|week)/.test(unitWord)) return { days: count * daysPer(unitWord), written };
  if (m !== undefined && Number(m) > 59) throw refuse('timeOutOfRange', { written });
  return { minutes: count * minutesPer(unitWord) + Number(m ?? 0), written };
}
