// The linked-identities migration on a database from before it: every member becomes a person of
// their own, and their answers, votes and roles are that person's; new members get new people.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { engineOf } from '../../src/db/engine.ts';
import { migrationsDirOf } from '../../src/db/migration-files.ts';
import { migrateToLatest } from '../../src/db/migrations.ts';
import { ensureMember } from '../../src/domain/directory.ts';
import { setRsvp } from '../../src/domain/meetups/rsvp.ts';
import { emptyDatabase, engines } from '../support/test-database.ts';

const PEOPLE = fs.readdirSync(migrationsDirOf('sqlite')).find((name) => name.endsWith('_people_and_linked_identities'))!;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A database migrated up to, not including, the people migration. */
async function beforePeople(engine: (typeof engines)[number]): Promise<string> {
  const { url, drop } = await emptyDatabase(engine, { create: true });
  cleanups.push(drop);
  const older = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-before-people-'));
  cleanups.push(async () => fs.rmSync(older, { recursive: true, force: true }));
  fs.cpSync(migrationsDirOf(engineOf(url)), older, { recursive: true });
  for (const name of fs.readdirSync(older)) if (name >= PEOPLE && fs.statSync(path.join(older, name)).isDirectory()) fs.rmSync(path.join(older, name), { recursive: true });
  await migrateToLatest(url, { migrationsDir: older });
  return url;
}

describe.each(engines)('the linked-identities migration on existing members (%s)', (engine) => {
  it('gives every member a person of their own, holding their answers, votes, roles and reminder choice', async () => {
    const url = await beforePeople(engine);
    const { db, close } = await openDatabase(url, { migrate: false });
    const now = engine === 'sqlite' ? `'2026-11-30T09:00:00.000+00:00'` : `now()`;
    try {
      // Rows as the previous version wrote them.
      await db.$executeRawUnsafe(`INSERT INTO "Member" ("id", "platform", "workspace", "externalId", "displayName") VALUES
        (1, 'slack', 'T1', 'U1', 'Ana'), (2, 'matrix', 'tchap.gouv.fr', '@bea:tchap.gouv.fr', 'Béa'), (5, 'console', 'local', 'cy', 'Cy')`);
      await db.$executeRawUnsafe(`UPDATE "Member" SET "reminderDMs" = false WHERE "id" = 2`);
      // As if they had come one by one (a gap where someone was forgotten): the id sequence is past them.
      if (engine === 'postgres') await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Member"', 'id'), 5)`);
      await db.$executeRawUnsafe(`INSERT INTO "Network" ("id", "slug", "name") VALUES (1, 'nord', 'Nord')`);
      await db.$executeRawUnsafe(`INSERT INTO "Role" ("memberId", "networkId", "role") VALUES (1, 1, 'organizer'), (2, 1, 'moderator')`);
      await db.$executeRawUnsafe(`INSERT INTO "Meetup" ("id", "title", "startsAt", "timezone", "organizerId", "updatedAt") VALUES (1, 'Atelier', '2027-01-14T17:00:00.000Z', 'Europe/Paris', 1, ${now})`);
      await db.$executeRawUnsafe(`INSERT INTO "Rsvp" ("meetupId", "memberId", "status", "source", "updatedAt") VALUES (1, 1, 'going', 'command', ${now}), (1, 2, 'maybe', 'reaction', ${now})`);
      await db.$executeRawUnsafe(`INSERT INTO "Tip" ("id", "title", "text", "authorId", "updatedAt", "voteCount") VALUES (1, 't', 'x', 5, ${now}, 2)`);
      await db.$executeRawUnsafe(`INSERT INTO "TipVote" ("tipId", "memberId") VALUES (1, 1), (1, 2)`);
    } finally {
      await close();
    }

    await migrateToLatest(url);
    const { db: migrated, close: closeMigrated } = await openDatabase(url);
    try {
      expect(await migrated.member.findMany({ orderBy: { id: 'asc' }, select: { id: true, personId: true, displayName: true } })).toEqual([
        { id: 1, personId: 1, displayName: 'Ana' },
        { id: 2, personId: 2, displayName: 'Béa' },
        { id: 5, personId: 5, displayName: 'Cy' },
      ]);
      // Béa had turned reminders off: her person has.
      expect(await migrated.person.findMany({ orderBy: { id: 'asc' }, select: { id: true, reminderDMs: true } })).toEqual([
        { id: 1, reminderDMs: true }, { id: 2, reminderDMs: false }, { id: 5, reminderDMs: true },
      ]);
      expect(await migrated.role.findMany({ orderBy: { id: 'asc' }, select: { personId: true, role: true } })).toEqual([{ personId: 1, role: 'organizer' }, { personId: 2, role: 'moderator' }]);
      expect(await migrated.rsvp.findMany({ orderBy: { id: 'asc' }, select: { personId: true, status: true } })).toEqual([{ personId: 1, status: 'going' }, { personId: 2, status: 'maybe' }]);
      expect(await migrated.tipVote.findMany({ orderBy: { personId: 'asc' }, select: { personId: true, memberId: true } })).toEqual([{ personId: 1, memberId: 1 }, { personId: 2, memberId: 2 }]);

      // Answering again changes the one answer; someone new is a new person, with an id of its own.
      const changed = await setRsvp(migrated, 1, 2, 'going', 'command', new Date('2026-12-01T09:00:00Z'));
      expect(changed).toMatchObject({ status: 'going', changed: true });
      expect(await migrated.rsvp.count({ where: { meetupId: 1 } })).toBe(2);
      const newcomer = await ensureMember(migrated, { platform: 'slack', workspace: 'T1', externalId: 'U9', displayName: 'Dan' });
      expect(newcomer.personId).toBe(6);
    } finally {
      await closeMigrated();
    }
  });
});
