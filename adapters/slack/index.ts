import type { AdapterModule } from '../../src/core/adapter.ts';
import { SlackAdapter } from './slack-adapter.ts';

/** Loaded by adapters/index.ts when SLACK_BOT_TOKEN is set. */
export const adapter: AdapterModule = {
  create: (deps) => SlackAdapter.create(deps),
};
