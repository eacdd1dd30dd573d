import { RelaisError } from '../../core/errors.ts';

const MAX_MINUTES = 30 * 24 * 60;
const units: Array<[RegExp, number]> = [
  [/^(?:j|jours?|d|days?)$/, 24 * 60],
  [/^(?:h|heures?|hours?|hrs?)$/, 60],
  [/^(?:min|mins?|minutes?|mn|m)$/, 1],
];
const none = /^(?:aucun|aucune|none|off|non|no)$/;
const usual = /^(?:d[ée]faut|default|habituels?|usual)$/;

/**
 * How long before a meetup its reminders go, as organizers type it: "2j,1h", "2 days, 1 hour",
 * "30min". Returns what Meetup.reminderOffsets stores: minutes, latest first ("2880,60"), "" for no
 * reminder ("aucun"), null for the deployment's usual ones ("défaut").
 */
export function parseReminderOffsets(text: string): string | null {
  const written = text.trim().toLowerCase();
  if (none.test(written)) return '';
  if (usual.test(written)) return null;
  const refused = () => new RelaisError('invalid_argument', 'meetupFlow.errors.reminders', { text: text.trim() });
  const minutes = written.split(/\s*(?:,|;|\bet\b|\band\b)\s*/).map((item) => {
    const parts = /^(\d{1,5})\s*([a-z]+)$/.exec(item.replace(/\s+/g, ' ').replace(/^(\d+) /, '$1'));
    const factor = parts && units.find(([unit]) => unit.test(parts[2]!))?.[1];
    if (!parts || !factor) throw refused();
    const value = Number(parts[1]) * factor;
    if (value < 1 || value > MAX_MINUTES) throw refused();
    return value;
  });
  return [...new Set(minutes)].sort((a, b) => b - a).join(',');
}

/** Minutes before the start: the meetup's own list when it has one, else the configured default. */
export function reminderOffsets(meetup: { reminderOffsets: string | null }, defaults: readonly number[]): number[] {
  if (meetup.reminderOffsets === null) return [...defaults];
  return meetup.reminderOffsets.split(',').map((item) => Number(item.trim())).filter((minutes) => Number.isInteger(minutes) && minutes > 0);
}

/** "2j,1h" / "2d,1h": minutes before a meetup as `parseReminderOffsets` reads them back. */
export function writtenOffsets(offsets: readonly number[], locale: string): string {
  const day = locale === 'fr' ? 'j' : 'd';
  return offsets.map((minutes) => (minutes % 1440 === 0 ? `${minutes / 1440}${day}` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}min`)).join(',');
}

/** "2 jours, 1 heure" / "2 days, 1 hour": minutes before a meetup, in words. */
export function describeOffsets(offsets: readonly number[], locale: string): string {
  const phrase = (minutes: number) => {
    const [unit, size] = minutes % 1440 === 0 ? ['day', 1440] as const : minutes % 60 === 0 ? ['hour', 60] as const : ['minute', 1] as const;
    // ICU puts a no-break space in some units and not others: one plain space everywhere, as people type it.
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(minutes / size).replace(/[\u00a0\u202f]/g, ' ');
  };
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(offsets.map(phrase));
}
