/**
 * The database goes away for several seconds and comes back: people are told Relais is
 * temporarily unavailable, nothing acknowledged is lost, and Relais recovers without a restart.
 */
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelais } from '../../src/app.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { translate } from '../../src/i18n/translate.ts';
import { textOf } from '../slack/testbed.ts';
import { engines } from '../support/test-database.ts';
import { matrixPlatform, slackPlatform, bodyOf, type MatrixPlatform } from '../permissions/platforms.ts';
import { outageOf, type Outage } from './outage.ts';
import { waitUntil } from './wait.ts';

const UNAVAILABLE = translate('fr', 'errors.unavailable');
const INTERNAL = translate('fr', 'errors.internal');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines)('database outage (%s)', (engine) => {
  let outage: Outage | undefined;
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await outage?.end();
    await stop?.();
    await outage?.close();
  });

  /** Relais on Slack through the outage-able database, with one tip saved before anything goes wrong. */
  async function slackWithOutage() {
    outage = await outageOf(engine);
    const slack = await slackPlatform(engine, { DATABASE_URL: outage.url });
    stop = () => slack.close();
    expect(await slack.say('member', '/tip add Avant la panne : le calendrier partagé')).toMatch(/Astuce n°1 enregistrée/);
    return { slack, outage };
  }

  it('on Slack: a command during the outage is answered "temporarily unavailable"', async () => {
    const { slack } = await slackWithOutage();
    await outage!.begin();
    const { n } = await slack.bed.slashOnly('/tip', 'add Pendant la panne : une astuce perdue ?');
    const during = await slack.bed.api.waitForResponse((response) => response.n === n, 15_000).catch(() => undefined);
    expect(textOf(during?.body)).toContain(UNAVAILABLE);
  });

  it('on Slack: keeps what was saved, saves nothing half-way, and works again without a restart', async () => {
    const { slack } = await slackWithOutage();
    await outage!.begin();
    await slack.bed.slashOnly('/tip', 'add Pendant la panne : une astuce perdue ?');
    await sleep(6000);
    await outage!.end();
    expect(await slack.say('member', '/tip add Après la panne : Relais répond de nouveau')).toMatch(/Astuce n°\d+ enregistrée/);
    const tips = await outage!.database.db.tip.findMany({ orderBy: { id: 'asc' } });
    expect(tips.map((tip) => tip.title.split(' :')[0])).toEqual(['Avant la panne', 'Après la panne']);
  });

  it('in the core: what needs the missing database answers "temporarily unavailable", and the same lines work after', async () => {
    outage = await outageOf(engine);
    const running = await startRelais({
      env: { DATABASE_URL: outage.url, PORT: '0', LOG_LEVEL: process.env.FAULT_LOG ?? 'silent' },
      consoleIo: { input: Readable.from([]), output: new Writable({ write: (_chunk, _encoding, done) => done() }) },
    });
    stop = () => running.stop();
    const conversation = {
      channel: { platform: 'console' as const, workspace: 'local', externalId: 'general' },
      user: { platform: 'console' as const, workspace: 'local', externalId: 'ana', displayName: 'Ana' },
    };
    // Writes first; SQLite in WAL mode still serves reads while another process holds the write lock.
    const writes = ['tip add Le calendrier partagé évite les doublons', 'tip vote 1', 'relais network nord Réseau Nord'];
    const reads = ['tip search calendrier', 'meetup list', 'relais my-data'];
    const lines = [...writes, ...reads];
    const say = async (line: string) => {
      const [command = '', ...rest] = line.split(' ');
      return (await running.relais.command(conversation, command, rest.join(' '), '/')).map((reply) => plainText(reply.card)).join('\n');
    };
    for (const line of lines) expect(await say(line), `before: ${line}`).not.toContain(UNAVAILABLE);
    await outage.begin();
    const during: string[] = [];
    for (const line of lines) during.push(await say(line));
    await outage.end();
    // The first line is the message; what follows is a usage footer (see the report about it).
    const messages = during.map((answer) => answer.split('\n')[0]);
    expect(messages.slice(0, writes.length)).toEqual(writes.map(() => UNAVAILABLE));
    if (engine === 'postgres') expect(messages.slice(writes.length)).toEqual(reads.map(() => UNAVAILABLE));
    else expect(messages.filter((message) => message === INTERNAL)).toEqual([]);
    // A pooled connection may still fail once after the server is back: recovery is within seconds, without a restart.
    await waitUntil(async () => !(await say(lines[0]!)).includes(UNAVAILABLE), 'Relais to answer again', 10_000);
    for (const line of lines) expect(await say(line), `after: ${line}`).not.toContain(UNAVAILABLE);
  });

  it('on Matrix: a command sent during the outage is answered once, after it', async () => {
    outage = await outageOf(engine);
    const matrix: MatrixPlatform = await matrixPlatform(engine, { env: { DATABASE_URL: outage.url }, database: outage.database });
    stop = () => matrix.close();
    expect(await matrix.say('member', '/tip add Avant la panne : le calendrier partagé')).toMatch(/Astuce n°1 enregistrée/);

    await outage.begin();
    const room = matrix.rooms.main;
    const during = matrix.hs.sendMessage(room, matrix.people.member.userId, '!tip add Pendant la panne : gardée pour plus tard');
    await sleep(4000);
    await outage.end();

    const reply = await matrix.hs.waitForEvent(room, (event) => matrix.answersTo(room, during).some((answer) => answer.event_id === event.event_id), 30_000);
    expect(bodyOf(reply)).toMatch(/Astuce n°2 enregistrée/);
    expect(await matrix.say('member', '/tip add Après la panne : Relais répond de nouveau')).toMatch(/Astuce n°3 enregistrée/);
    expect(matrix.answersTo(room, during)).toHaveLength(1);
    expect(await outage.database.db.tip.count()).toBe(3);
  });
});
