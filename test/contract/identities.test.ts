/**
 * One person on Slack and on Matrix: two Relais processes on one database, one per platform (as
 * `npm start` runs them), driven through signed Slack requests and the fake homeserver's rooms. Linking
 * with a code (wrong, expired and reused codes refused), answers from both sides being one answer
 * and one seat, roles naming real people on each platform, the personal calendar feed read by an
 * independent iCalendar parser, and forget-me from one side erasing both. On PostgreSQL, the engine
 * for several processes (test/core/linking.test.ts and test/db/people-migration.test.ts cover SQLite).
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixEvent } from '../fakes/matrix-homeserver.ts';
import { bodyOf, matrixPlatform, type MatrixPlatform } from '../permissions/platforms.ts';
import { startTestbed, textOf, type Testbed } from '../slack/testbed.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const PUBLIC_URL = 'https://relais.example.org';
const WEB_TOKEN = 'a-web-token-of-sixteen-chars-or-more';
const CODE = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/;

describe('one person on Slack and Matrix, two processes on PostgreSQL', { timeout: 120_000 }, () => {
  const engine = 'postgres';
  let database: TestDatabase;
  let slack: Testbed;
  let matrix: MatrixPlatform;
  // The same settings in both processes: Chloé administers Relais from Slack, Root from Matrix.
  const env = { RELAIS_PUBLIC_URL: PUBLIC_URL, RELAIS_WEB_TOKEN: WEB_TOKEN, RELAIS_ADMINS: 'slack:U0ADMIN,matrix:@root:fake.test' };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    slack = await startTestbed({ engine, env: { DATABASE_URL: database.url, ...env }, api: { users: { U0USER: 'Ana', U0BEA: 'Béa', U0ADMIN: 'Chloé' }, admins: ['U0ADMIN'] } });
    matrix = await matrixPlatform(engine, { database, env });
    // Codes are made by one process and typed in the other: their clocks agree.
    slack.clock.set(new Date());
  }, 120_000);
  afterAll(async () => {
    await matrix?.close();
    await slack?.close();
    await database?.close();
  });

  const onSlack = async (user: string, line: string) => {
    const [, command = '', text = ''] = /^(\/\S+)\s*([\s\S]*)$/.exec(line) ?? [];
    return textOf((await slack.slash(command, text, { user })).reply);
  };
  const onMatrix = (who: 'member' | 'organizer' | 'admin' | 'other', line: string) => matrix.say(who, line);
  const ana = () => matrix.people.member.userId;
  const anaOnBoth = async () => matrix.db.member.findMany({ where: { OR: [{ externalId: 'U0USER' }, { externalId: ana() }] }, orderBy: { id: 'asc' } });

  /** What the bot wrote to `userId` in their private room. */
  async function directMessages(userId: string): Promise<string[]> {
    const answer = await fetch(`${matrix.hs.url}/_matrix/client/v3/user/${encodeURIComponent(matrix.bot.userId)}/account_data/m.direct`, { headers: { authorization: `Bearer ${matrix.bot.token}` } });
    const room = ((await answer.json()) as Record<string, string[]>)[userId]?.[0];
    if (!room) return [];
    return matrix.hs.timeline(room).filter((event: MatrixEvent) => event.sender === matrix.bot.userId && event.type === 'm.room.message').map(bodyOf);
  }

  it('links two identities with a one-time code, refusing wrong, expired and reused codes', async () => {
    // A code asked for long ago has expired by the time it is typed.
    slack.clock.set(new Date(Date.now() - 11 * 60_000));
    const stale = CODE.exec(await onSlack('U0USER', '/relais link'))![1]!;
    slack.clock.set(new Date());
    expect(await onMatrix('member', `!relais link ${stale}`)).toMatch(/Ce code a expiré/);
    expect(await onMatrix('member', '!relais link ABCD-EFGH')).toMatch(/Ce code n’est pas valable/);

    const asked = await onSlack('U0USER', '/relais link');
    const code = CODE.exec(asked)![1]!;
    expect(asked).toContain('!relais link');
    const linked = await onMatrix('member', `!relais link ${code.toLowerCase()}`);
    expect(linked).toMatch(/vos comptes sont reliés/);
    expect(linked).toContain('U0USER');
    expect(linked).toContain(ana());
    const [slackAna, matrixAna] = await anaOnBoth();
    expect(slackAna!.personId).toBe(matrixAna!.personId);
    // The Slack side is told in private, so a link nobody meant does not go unnoticed.
    await slack.api.waitFor('chat.postMessage', (call) => /vient d’être relié/.test(textOf(call.args)), 10_000);

    // Used once: someone else typing it links nothing.
    expect(await onMatrix('other', `!relais link ${code}`)).toMatch(/Ce code a déjà servi/);
    expect(await matrix.db.member.count({ where: { personId: slackAna!.personId } })).toBe(2);

    // Guessing is cut short: after five wrong codes in an hour even a right one is refused.
    for (let miss = 0; miss < 4; miss++) expect(await onMatrix('other', `!relais link ZZZZ-ZZZ${miss + 2}`)).toMatch(/pas valable/);
    const right = CODE.exec(await onSlack('U0BEA', '/relais link'))![1]!;
    expect(await onMatrix('other', `!relais link ${right}`)).toMatch(/Trop de codes erronés/);

    const whoami = await onSlack('U0USER', '/relais whoami');
    expect(whoami).toContain('Comptes reliés');
    expect(whoami).toContain(ana());
  });

  it('never sends a code where others can read it: on Matrix it goes by private message', async () => {
    const answer = await onMatrix('organizer', '!relais link');
    expect(answer).toMatch(/message privé/);
    expect(answer).not.toMatch(CODE);
    let dms: string[] = [];
    await expect.poll(async () => (dms = await directMessages(matrix.people.organizer.userId)).some((text) => CODE.test(text)), { timeout: 10_000 }).toBe(true);
    expect(dms.join('\n')).toContain('/relais link');
  });

  it('takes one flag of a tip per person, whichever of their accounts flags it', async () => {
    const id = Number(/n°(\d+)/.exec(await onSlack('U0ADMIN', '/tip add Prévoir une rallonge pour le vidéoprojecteur #salles'))![1]);
    expect(await onSlack('U0USER', `/tip flag ${id} La salle a maintenant un écran`)).toMatch(/est signalée/);
    expect(await onMatrix('member', `!tip flag ${id} Toujours pas de rallonge`)).toMatch(/Vous avez déjà signalé l’astuce/);
    expect(await matrix.db.tipFlag.count({ where: { tipId: id } })).toBe(1);
  });

  it('counts one answer and one seat for a person answering on both platforms', async () => {
    await onSlack('U0ADMIN', '/relais network nord Réseau Nord');
    expect(await onMatrix('admin', '!relais network nord')).toMatch(/réseau Réseau Nord/);
    await onSlack('U0ADMIN', '/relais role grant organizer <@U0ADMIN>');
    expect(await onSlack('U0ADMIN', '/meetup create Atelier cartes | 14 janvier 2027 18h | Mairie | capacité 1')).toMatch(/Aperçu/);
    expect(await onSlack('U0ADMIN', '/meetup publish 1')).toMatch(/Rencontre n°1 publiée/);

    expect(await onSlack('U0USER', '/meetup rsvp 1 oui')).toMatch(/participez/i);
    await onMatrix('member', '!meetup rsvp 1 oui');
    expect(await matrix.db.rsvp.count({ where: { meetupId: 1 } })).toBe(1);
    // The one seat is Ana's, whichever side she answered from: Béa waits.
    expect(await onMatrix('organizer', '!meetup rsvp 1 oui')).toMatch(/liste d’attente/i);
    await onMatrix('member', '!meetup rsvp 1 peut-être');
    expect(await matrix.db.rsvp.findMany({ where: { meetupId: 1 }, orderBy: { id: 'asc' }, select: { status: true, waitlisted: true } })).toEqual([
      { status: 'maybe', waitlisted: false },
      { status: 'going', waitlisted: false },
    ]);
    const mine = await onSlack('U0USER', '/meetup mine');
    expect(mine).toContain('#1 Atelier cartes');
    expect(mine).toContain('peut-être');
  });

  it('serves a personal calendar with the public UIDs, following answers, even behind the web token, until reset', async () => {
    const web = `http://127.0.0.1:${slack.running.httpPort}`;
    const reply = await onSlack('U0USER', '/relais calendar');
    const address = /https:\/\/relais\.example\.org(\/people\/[A-Za-z0-9_-]+\/calendar\.ics)/.exec(reply)![1]!;
    const events = async (path: string) => {
      const response = await fetch(`${web}${path}`);
      if (response.status !== 200) return response.status;
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      return calendar.getAllSubcomponents('vevent').map((event) => ({ uid: event.getFirstPropertyValue('uid'), summary: event.getFirstPropertyValue('summary') }));
    };
    // The public feed needs the web token; the personal one is opened by its own secret.
    expect(await events('/meetups/1.ics')).toBe(401);
    const [publicEvent] = (await events(`/meetups/1.ics?token=${WEB_TOKEN}`)) as Array<{ uid: string }>;
    expect(await events(address)).toEqual([{ uid: publicEvent!.uid, summary: 'Atelier cartes (peut-être)' }]);

    await onMatrix('member', '!meetup rsvp 1 non');
    expect(await events(address)).toEqual([]);
    await onMatrix('member', '!meetup rsvp 1 oui');
    expect(await events(address)).toEqual([{ uid: publicEvent!.uid, summary: 'Atelier cartes (liste d’attente)' }]);

    const renewed = await onSlack('U0USER', '/relais calendar reset');
    const newAddress = /https:\/\/relais\.example\.org(\/people\/[A-Za-z0-9_-]+\/calendar\.ics)/.exec(renewed)![1]!;
    expect(newAddress).not.toBe(address);
    expect(await events(address)).toBe(404);
    expect(await events(newAddress)).toHaveLength(1);
  });

  it('grants roles to real people named on each platform, refuses unknown ones without creating anyone, and lists them', async () => {
    // A Tchap agent on another homeserver, known to this one through federation.
    const agent = matrix.hs.createUser('agent', { displayName: 'Agente', server: 'agents.tchap.gouv.fr' });
    await onMatrix('admin', `!relais role grant moderator ${agent.userId}`);
    expect(await onSlack('U0ADMIN', '/relais role grant organizer <@U0BEA>')).toMatch(/Béa est maintenant organisateur·rice/);
    expect(await onMatrix('admin', `!relais role grant organizer https://matrix.to/#/${matrix.people.member.userId}`)).toMatch(/est maintenant organisateur·rice/);

    const members = await matrix.db.member.count();
    expect(await onSlack('U0ADMIN', '/relais role grant organizer <@U0NOBODY>')).toMatch(/Je ne trouve personne/);
    expect(await onMatrix('admin', '!relais role grant organizer @zorro:fake.test')).toMatch(/Je ne trouve personne/);
    expect(await onMatrix('admin', '!relais role revoke organizer zorro2')).toMatch(/Je ne trouve personne/);
    expect(await onSlack('U0ADMIN', '/relais role revoke moderator <@U0BEA>')).toMatch(/Béa n’a pas le rôle modérateur·rice/);
    expect(await matrix.db.member.count()).toBe(members);

    const roles = await onMatrix('other', '!relais roles');
    expect(roles).toContain('Chloé (slack)');
    expect(roles).toContain('Béa (slack)');
    // Ana's role was granted on Matrix; she is one person on both.
    expect(roles).toMatch(/Ana \(slack\), Ana \(matrix\)|Ana \(matrix\), Ana \(slack\)/);
    expect(roles).toContain('Agente (matrix)');
    expect(await onSlack('U0USER', '/relais whoami')).toContain('organisateur·rice');
    // What she organized from Slack is hers on Matrix too.
    expect(await onSlack('U0USER', '/meetup create Club lecture | 21 janvier 2027 18h | Médiathèque')).toMatch(/Aperçu/);
    expect(await onSlack('U0USER', '/meetup publish 2')).toMatch(/Rencontre n°2 publiée/);
    expect(await onMatrix('member', '!meetup cancel 2')).toMatch(/annulée/);
  });

  it('links from Matrix to Slack, and separates them again with unlink, each account taking what it gave', async () => {
    const code = CODE.exec((await directMessages(matrix.people.organizer.userId)).join('\n'))![1]!;
    expect(await onSlack('U0BEA', `/relais link ${code}`)).toMatch(/vos comptes sont reliés/);
    // Told on Matrix, with the command as it is typed there.
    await expect.poll(async () => (await directMessages(matrix.people.organizer.userId)).join('\n'), { timeout: 10_000 }).toContain('Si ce n’est pas vous : !relais unlink slack');
    const bea = () => matrix.db.member.findMany({ where: { externalId: { in: ['U0BEA', matrix.people.organizer.userId] } }, orderBy: { platform: 'asc' } });
    const [matrixBea, slackBea] = await bea();
    expect(matrixBea!.personId).toBe(slackBea!.personId);
    // Béa's seat was taken from Matrix; her organizer role was granted on Slack.
    expect(await onSlack('U0BEA', '/relais unlink matrix')).toMatch(/Votre compte matrix \(Béa\) est séparé/);
    const [matrixAfter, slackAfter] = await bea();
    expect(matrixAfter!.personId).not.toBe(slackAfter!.personId);
    expect(await matrix.db.rsvp.findFirst({ where: { meetupId: 1, status: 'going', waitlisted: false }, select: { personId: true } })).toEqual({ personId: matrixAfter!.personId });
    expect(await matrix.db.role.findMany({ where: { role: 'organizer', memberId: slackAfter!.id }, select: { personId: true } })).toEqual([{ personId: slackAfter!.personId }]);
    expect(await onSlack('U0BEA', '/relais unlink matrix')).toMatch(/relié à aucun autre/);
  });

  it('counts wrong codes per person: five across linked accounts, and the next is refused on either', async () => {
    // Ana's Matrix account missed before it was linked (the first test); her Slack account takes the rest of the hour's five.
    const [slackAna] = await anaOnBoth();
    const missed = await matrix.db.linkAttempt.count({ where: { member: { personId: slackAna!.personId } } });
    expect(missed).toBeGreaterThan(0);
    for (let miss = missed; miss < 5; miss++) expect(await onSlack('U0USER', `/relais link YYYY-YYY${miss + 2}`)).toMatch(/pas valable/);
    expect(await onMatrix('member', '!relais link YYYY-YYYY')).toMatch(/Trop de codes erronés/);
    expect(await onSlack('U0USER', '/relais link YYYY-YYYY')).toMatch(/Trop de codes erronés/);
  });

  it('shows my-data for every identity and administrator rights; forget-me from one side erases both', async () => {
    expect(await onSlack('U0ADMIN', '/relais my-data')).toContain('administrateur·rice de Relais');
    const data = await onMatrix('member', '!relais my-data');
    expect(data).toContain('U0USER');
    expect(data).toContain(ana());
    expect(data).toContain('Vote (0) — aucun');

    expect(await onMatrix('member', '!relais forget-me')).toMatch(/Tous vos comptes reliés seront effacés/);
    expect(await onMatrix('member', '!relais forget-me confirm')).toMatch(/Relais a oublié qui vous êtes/);
    expect(await anaOnBoth()).toEqual([]);
    expect(await matrix.db.rsvp.count({ where: { meetupId: 1 } })).toBe(1);
    expect(await matrix.db.role.count({ where: { role: 'organizer', member: { displayName: 'Ana' } } })).toBe(0);
  });
});
