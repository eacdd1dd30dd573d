/** Polls until `check` holds (a bounded wait for something asynchronous, not a timing assertion). */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); ) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every announcement shows its meetup's latest revision: the edits due have been made. */
export async function announcementsCurrent(db: import('../../src/db/client.ts').Db): Promise<boolean> {
  const announcements = await db.announcement.findMany({ include: { meetup: true } });
  return announcements.length > 0 && announcements.every((announcement) => announcement.renderedRevision >= announcement.meetup.revision);
}
