import { DateTime } from 'luxon';

/**
 * Writes an instant out for readers who cannot get it in their own timezone
 * (Matrix, the console, plain-text fallbacks):
 * "jeudi 5 décembre 2026 à 18:30 (Europe/Paris)" / "Thursday, December 5, 2026 at 6:30 PM (Europe/Paris)".
 */
export function formatInstant(instant: Date, timeZone: string, locale: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(locale);
  const text = local.toLocaleString({
    weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit',
  });
  return `${text} (${timeZone})`;
}
