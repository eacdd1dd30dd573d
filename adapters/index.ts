import type { PlatformEntry } from '../src/core/adapter.ts';

/**
 * The chat platforms Relais can serve. Each is loaded only when configured, so a console-only run
 * never loads a chat SDK. A new platform is a new folder and one entry here.
 */
export const platforms: PlatformEntry[] = [
  { platform: 'slack', configured: (c) => Boolean(c.SLACK_BOT_TOKEN), load: () => import('./slack/index.ts') },
  { platform: 'matrix', configured: (c) => Boolean(c.MATRIX_HOMESERVER_URL && c.MATRIX_ACCESS_TOKEN), load: () => import('./matrix/index.ts') },
];
