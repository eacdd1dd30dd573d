/** French strings of the web part. Mirror every key in ../en/web.ts. */
export const web = {};
