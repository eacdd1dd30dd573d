import { userInfo } from 'node:os';
import { z } from 'zod';
import { definePlatform } from '../../src/core/platform-module.ts';
import { ConsoleAdapter, type ConsoleOptions } from './console-adapter.ts';

const localUser = () => process.env.USER || userInfo().username || 'you';

/**
 * The console chat: what runs when no chat platform is configured. Its one user is the person at
 * the machine, an administrator unless RELAIS_CONSOLE_ADMIN says otherwise.
 */
export const consolePlatform = definePlatform({
  name: 'console',
  commandPrefix: '/',
  fallback: true,
  config: {
    shape: {
      /** The console's user, as Relais names them (default: the system user). */
      RELAIS_CONSOLE_USER: z.string().min(1).max(100).default(localUser),
      /** The console's user administers Relais (it is the machine's owner). */
      RELAIS_CONSOLE_ADMIN: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
    },
  },
  configured: () => false,
  admins: (config) => (config.RELAIS_CONSOLE_ADMIN ? [`console:${config.RELAIS_CONSOLE_USER}`] : []),
  strings: { fr: {}, en: {} },
  // On the console, people are named as they are: the only one there is the local user.
  parseMention: (text) => (/^[\w.-]{1,100}$/.test(text) ? { platform: 'console', workspace: 'local', externalId: text } : undefined),
  async create({ port, config, options }) {
    const io = (options as Partial<ConsoleOptions> | undefined) ?? {};
    return new ConsoleAdapter(port, { input: io.input ?? process.stdin, output: io.output ?? process.stdout, userName: config.RELAIS_CONSOLE_USER });
  },
});
