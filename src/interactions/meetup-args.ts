import { z } from 'zod';
import { RelaisError } from '../core/errors.ts';
import { parseReminderOffsets } from '../domain/meetups/reminder-offsets.ts';
import type { MeetupChanges } from '../domain/meetups/service.ts';

/** A line break in a title would become one in every calendar and card that shows it: refused, on every platform. */
export const titleArg = z
  .string()
  .min(3, 'validation.tooShort')
  .max(200, 'validation.tooLong')
  .refine((title) => !/[\r\n\u0085\u2028\u2029]/.test(title), 'validation.singleLine');

export const capacityArg = z
  .string()
  .regex(/^(?:(?:capacit[eé]|capacity|places?|max)\s*[:=]?\s*)?\d{1,5}$/iu, 'validation.capacity')
  .transform((value) => Number(value.replace(/\D/g, '')))
  .pipe(z.number().int().min(1, 'validation.capacity'));

const urlPattern = /https?:\/\/\S+/i;

/** "Salle 3, Mairie https://visio.example/abc" → a place and an online link. */
export function splitWhere(where: string): Pick<MeetupChanges, 'place' | 'onlineUrl'> {
  const url = urlPattern.exec(where)?.[0] ?? null;
  const place = (url ? where.replace(url, '') : where).replace(/^[\s,;·-]+|[\s,;·-]+$/g, '') || null;
  return { place, onlineUrl: url };
}

export interface CreateOptions {
  capacity: number | null;
  /** As Meetup.reminderOffsets stores it; undefined: not given (the usual reminders). */
  reminderOffsets?: string | null;
  /** `| publier`: announce at once, without the preview (scripts, tests). */
  publish: boolean;
}

const publishWord = /^(?:publier|publie|publish|publish now)$/i;
const remindersOption = /^(?:rappels?|reminders?)\s*[:=]?\s*(.+)$/i;

/** The segments after `| <where>` in `/meetup create`, in any order: `capacité 30`, `rappels 2j,1h`, `publier`. */
export function createOptions(text: string | undefined): CreateOptions {
  const options: CreateOptions = { capacity: null, publish: false };
  const given = new Set<string>();
  const once = (kind: string, option: string) => {
    if (given.has(kind)) throw new RelaisError('invalid_argument', 'meetupFlow.errors.repeatedOption', { option });
    given.add(kind);
  };
  for (const option of (text ?? '').split('|').map((segment) => segment.trim()).filter(Boolean)) {
    const reminders = remindersOption.exec(option);
    const capacity = capacityArg.safeParse(option);
    if (publishWord.test(option)) {
      once('publish', option);
      options.publish = true;
    } else if (reminders) {
      once('reminders', option);
      options.reminderOffsets = parseReminderOffsets(reminders[1]!);
    } else if (capacity.success) {
      once('capacity', option);
      options.capacity = capacity.data;
    } else {
      throw new RelaisError('invalid_argument', 'meetupFlow.errors.option', { option });
    }
  }
  return options;
}
