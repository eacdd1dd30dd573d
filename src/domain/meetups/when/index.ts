/** Reading when a meetup happens: one-offs and series, French and English. See ./read-when.ts. */
export { readWhen } from './read-when.ts';
export { parseWhen } from './parse-when.ts';
export { readUntil } from './until.ts';
export { readDuration, readEnd, type EndRead } from './end.ts';
export { occurrencesBetween } from './series.ts';
export { describeWhen, seriesPhrase, writtenEnd, writtenWhen } from './describe.ts';
export type { Note, Occurrence, Recurrence, WhenOptions, WhenRead } from './types.ts';
