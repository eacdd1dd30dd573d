/** Where Slack POSTs slash commands, events and interactivity in HTTP mode (the manifest's URLs). */
export const EVENTS_PATH = '/slack/events';
