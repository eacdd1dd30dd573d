import { definePlatform, type PlatformModule } from '../../src/core/platform-module.ts';
import { MemoryChat } from './adapter.ts';

/**
 * The proof that a platform is one folder: an in-memory chat declared like Slack and Matrix are,
 * served by Relais without any change to src/ (the contract suite runs against it too).
 * `memoryPlatform('name')` makes another one, for tests that need two platforms.
 */
export function memoryPlatform(name = 'memory', options: { configured?: boolean; directMessages?: boolean } = {}): PlatformModule {
  return definePlatform({
    name,
    commandPrefix: '/',
    config: { shape: {} },
    configured: () => options.configured ?? true,
    strings: { fr: { notMember: 'Relais n’est pas dans ce salon.' }, en: { notMember: 'Relais is not in this channel.' } },
    parseMention: (text, where) => (/^\S+$/.test(text) ? { platform: name, workspace: where.workspace, externalId: text } : undefined),
    async create({ port }) {
      const chat = new MemoryChat(port, name);
      // A platform without private messages: the capability is absent, as on a platform that has none.
      if (options.directMessages === false) Object.defineProperty(chat, 'sendDirect', { value: undefined });
      return chat;
    },
  }) as PlatformModule;
}
