/** French strings of the schedule part. Mirror every key in ../en/schedule.ts. */
export const schedule = {};
