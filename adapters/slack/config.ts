import { z } from 'zod';

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

/** The Slack variables, validated with every other part of the configuration at start. */
export const shape = {
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-…)').optional(),
  SLACK_API_URL: optionalUrl,
};

export type SlackConfig = z.infer<z.ZodObject<typeof shape>>;
