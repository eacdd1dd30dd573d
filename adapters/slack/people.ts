import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.ts';

export interface SlackPerson {
  displayName: string;
  /** Workspace admins and owners moderate every channel of their workspace. */
  isAdmin: boolean;
}

interface Cached {
  expires: number;
  person: Promise<SlackPerson>;
}

/**
 * Who a Slack user id is, from users.info. Cached briefly: admin rights can be revoked, and a
 * burst of clicks or reactions must not become a burst of API calls (concurrent lookups share one).
 */
export class People {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly ttlMs = 60_000,
  ) {}

  /** `fallbackName` (a payload's user_name) is used when users.info cannot answer. */
  lookup(userId: string, fallbackName?: string): Promise<SlackPerson> {
    const now = Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.expires > now) return cached.person;
    const person = this.fetch(userId, fallbackName);
    this.cache.set(userId, { expires: now + this.ttlMs, person });
    return person;
  }

  /** Who the id is, or undefined when Slack knows nobody by it (never cached as someone). */
  async find(userId: string): Promise<SlackPerson | undefined> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      return user ? { displayName: nameOf(user) ?? userId, isAdmin: Boolean(user.is_admin || user.is_owner) } : undefined;
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') return undefined;
      throw error;
    }
  }

  async displayName(userId: string, fallbackName?: string): Promise<string> {
    return (await this.lookup(userId, fallbackName)).displayName;
  }

  private async fetch(userId: string, fallbackName?: string): Promise<SlackPerson> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      return { displayName: (user && nameOf(user)) || fallbackName || userId, isAdmin: Boolean(user?.is_admin || user?.is_owner) };
    } catch (error) {
      // Not cached: the next event asks again rather than keeping a wrong name for a minute.
      this.cache.delete(userId);
      this.logger.warn({ err: error, method: 'users.info', userId }, 'Slack users.info failed');
      return { displayName: fallbackName || userId, isAdmin: false };
    }
  }
}

type SlackUser = { name?: string; real_name?: string; profile?: { display_name?: string; real_name?: string } };
const nameOf = (user: SlackUser) => user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || undefined;
