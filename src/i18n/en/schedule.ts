import type { schedule as fr } from '../fr/schedule.ts';

/** English strings of the schedule part. */
export const schedule: typeof fr = {};
