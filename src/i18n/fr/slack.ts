/** French strings of the slack part. Mirror every key in ../en/slack.ts. */
export const slack = {};
