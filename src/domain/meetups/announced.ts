import type { Db } from '../../db/client.ts';

const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Which meetup an announcement message is about. A burst of reactions asks about the same few
 * messages thousands of times, and an announcement never changes meetup once written, so the
 * answer is remembered a while. Only found announcements are: a message not (yet) known as an
 * announcement is asked again next time.
 */
export class AnnouncedMeetups {
  private readonly known = new Map<string, { meetupId: number; until: number }>();

  constructor(private readonly db: Db) {}

  async meetupOf(channelId: number, messageId: string): Promise<number | undefined> {
    const key = `${channelId}/${messageId}`;
    const now = performance.now();
    const remembered = this.known.get(key);
    if (remembered && remembered.until > now) return remembered.meetupId;
    const announcement = await this.db.announcement.findFirst({ where: { channelId, messageId }, select: { meetupId: true } });
    if (!announcement) return undefined;
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(key, { meetupId: announcement.meetupId, until: now + REMEMBER_MS });
    return announcement.meetupId;
  }
}
