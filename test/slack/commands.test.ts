/**
 * Slash commands end to end: signed form posts to /slack/events on Relais's own port, answers on
 * the response_url, effects in the database and on the (fake) Web API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { post, signedRequest, slashCommandBody, urlVerificationRequest } from '../fakes/slack-requests.ts';
import { CHANNEL, SECRET, startTestbed, TEAM, textOf, type Testbed } from './testbed.ts';

let bed: Testbed;
beforeEach(async () => {
  bed = await startTestbed();
});
afterEach(async () => {
  await bed.close();
});

describe('slash commands', { timeout: 20_000 }, () => {
  it('/tip add saves the tip as the Slack user, in the Slack channel, and answers only them', async () => {
    const { status, reply } = await bed.slash('/tip', 'add Le calendrier partagé se synchronise avec Thunderbird #outils');
    expect(status).toBe(200);
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain('Astuce n°1 enregistrée');
    expect(textOf(reply)).toContain('#outils');
    const tip = await bed.db.tip.findFirstOrThrow({ include: { author: true, channel: true } });
    expect(tip.author).toMatchObject({ platform: 'slack', workspace: TEAM, externalId: 'U0USER', displayName: 'Ana' });
    expect(tip.channel).toMatchObject({ platform: 'slack', workspace: TEAM, externalId: CHANNEL, name: 'general' });
  });

  it('/tip with a wrong argument answers the usage, privately, and saves nothing', async () => {
    const { reply } = await bed.slash('/tip', 'show douze');
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toMatch(/n’est pas valide/);
    expect(textOf(reply)).toContain('Usage : /tip show');
    expect(await bed.db.tip.count()).toBe(0);
  });

  it('/tip search echoes hostile text inert', async () => {
    const { reply } = await bed.slash('/tip', 'search <!channel> <@U0ADMIN>');
    // Slack parses `text` and mrkdwn; plain_text (the header) is shown as is.
    const parsed = [textOf(reply), ...reply.blocks.filter((block: { text?: { type: string } }) => block.text?.type === 'mrkdwn').map((block: { text: { text: string } }) => block.text.text)];
    expect(parsed.join('\n')).toContain('&lt;!channel&gt; &lt;@U0ADMIN&gt;');
    expect(parsed.join('\n')).not.toMatch(/<!channel>|<@U0ADMIN>/);
  });

  it('/meetup create with arguments previews privately with its buttons, and posts nothing', async () => {
    const { reply } = await bed.slash('/meetup', 'create Apéro numérique | jeudi prochain 18h30 | Mairie, salle 3 | capacité 30', { user: 'U0ADMIN' });
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain('jeudi 3 décembre 2026, 18 h 30 (heure de Paris)');
    expect(reply.blocks.find((block: { type: string }) => block.type === 'actions').elements.map((e: { action_id: string }) => e.action_id))
      .toEqual(['meetup.publish', 'meetup.change', 'meetup.discard']);
    expect(bed.api.calls('chat.postMessage')).toEqual([]);
    expect((await bed.db.meetup.findFirstOrThrow()).status).toBe('draft');
    await bed.db.meetup.deleteMany();
  });

  it('/meetup create … | publier posts the announcement, seeds the RSVP reactions and confirms privately', async () => {
    const { reply } = await bed.slash('/meetup', 'create Apéro numérique | jeudi prochain 18h30 | Mairie, salle 3 | capacité 30 | publier', { user: 'U0ADMIN' });
    expect(textOf(reply)).toContain('Rencontre n°1 créée ; son annonce part');
    expect(reply.response_type).toBe('ephemeral');
    // The week's digest may be posted too (the testbed's clock is on Monday morning): the announcement is the one with the title.
    const announcement = await bed.api.waitFor('chat.postMessage', (call) => String(call.args.text).includes('Apéro numérique'));
    expect(announcement.args.channel).toBe(CHANNEL);
    expect(announcement.args.blocks[0]).toMatchObject({ type: 'header', text: { text: '📅 Apéro numérique' } });
    expect(announcement.args.blocks.find((block: { type: string }) => block.type === 'actions').elements.map((e: { action_id: string }) => e.action_id))
      .toEqual(['meetup.rsvp.going', 'meetup.rsvp.maybe', 'meetup.rsvp.declined']);
    await bed.api.waitFor('reactions.add', (call) => call.args.name === 'x');
    expect(bed.api.calls('reactions.add').map((call) => call.args.name)).toEqual(['white_check_mark', 'thinking_face', 'x']);
    const stored = await bed.db.announcement.findFirstOrThrow();
    expect(bed.api.calls('reactions.add').map((call) => call.args.timestamp)).toEqual(Array(3).fill(stored.messageId));
  });

  it('/meetup create is for organizers: a plain member is told why, and nothing is posted', async () => {
    const { reply } = await bed.slash('/meetup', 'create Apéro | jeudi prochain 18h30 | Mairie');
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain('réservée au rôle organisateur·rice');
    expect(await bed.db.meetup.count()).toBe(0);
    expect(bed.api.calls('chat.postMessage')).toEqual([]);
  });

  it('/meetup with an unknown subcommand or a missing meetup answers privately', async () => {
    expect(textOf((await bed.slash('/meetup', 'rsvp 42 oui')).reply)).toContain('Rencontre n°42 introuvable');
    const { reply } = await bed.slash('/meetup', 'list');
    expect(textOf(reply)).toContain('Aucune rencontre prévue');
  });

  it('/summary preview and /summary config answer privately; a bad setting gets an error', async () => {
    expect(textOf((await bed.slash('/summary', 'preview')).reply)).toContain('Résumé');
    const { reply } = await bed.slash('/summary', 'config frequency parfois');
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toMatch(/n’est pas valide|réservée|Seules les personnes qui modèrent ce salon/);
  });

  it('/relais whoami shows the Slack display name, and what the person may do here', async () => {
    expect(textOf((await bed.slash('/relais', 'whoami')).reply)).toMatch(/Ana[\s\S]*slack · U0USER[\s\S]*membre/);
    expect(textOf((await bed.slash('/relais', 'whoami', { user: 'U0ADMIN' })).reply)).toMatch(/Chloé[\s\S]*administrateur·rice/);
  });

  it('/relais with nonsense answers the usage; /relais help lists every command', async () => {
    expect(textOf((await bed.slash('/relais', 'frobnicate')).reply)).toMatch(/\/tip|\/relais/);
    const help = textOf((await bed.slash('/relais', 'help')).reply);
    for (const command of ['/tip', '/meetup', '/summary', '/relais']) expect(help).toContain(command);
  });

  it('acknowledges before working: the HTTP answer leaves while a rate-limited users.info still waits', async () => {
    bed.api.failNext('users.info', 1, 429);
    const { status, n } = await bed.slashOnly('/tip', 'add Une astuce qui attend son tour');
    expect(status).toBe(200);
    expect(bed.api.responses(n)).toEqual([]);
    const answer = await bed.api.waitForResponse((response) => response.n === n, 10_000);
    expect(textOf(answer.body)).toContain('Astuce n°1 enregistrée');
    expect(bed.api.calls('users.info').length).toBeGreaterThanOrEqual(2);
  });

  it('a slash command delivered twice (same trigger id) runs once', async () => {
    const first = await bed.slashOnly('/tip', 'add Une seule fois', { triggerId: 'trigger-once' });
    await bed.api.waitForResponse((response) => response.n === first.n);
    await bed.slashOnly('/tip', 'add Une seule fois', { triggerId: 'trigger-once' });
    await bed.waitForLog((record) => record.key === 'command:trigger-once');
    expect(await bed.db.tip.count()).toBe(1);
  });
});

describe('request verification', () => {
  async function counts() {
    const { db } = bed;
    return [await db.tip.count(), await db.member.count(), await db.channel.count(), await db.inbound.count()];
  }

  it('answers 401 to unsigned, wrongly signed, stale and future-dated requests, with nothing changed', async () => {
    const before = await counts();
    const body = slashCommandBody({ command: '/tip', text: 'add Une astuce pirate', response_url: bed.api.responseUrl() });
    const form = 'application/x-www-form-urlencoded' as const;
    const unsigned = await fetch(bed.url, { method: 'POST', body, headers: { 'Content-Type': form } });
    const wrong = await post(signedRequest(bed.url, body, { secret: 'not-the-secret', contentType: form }));
    const stale = await post(signedRequest(bed.url, body, { secret: SECRET, contentType: form, timestamp: Math.floor(Date.now() / 1000) - 600 }));
    // Signed ahead of time, to be replayed later: as suspect as an old one.
    const future = await post(signedRequest(bed.url, body, { secret: SECRET, contentType: form, timestamp: Math.floor(Date.now() / 1000) + 600 }));
    expect([unsigned.status, wrong.status, stale.status, future.status]).toEqual([401, 401, 401, 401]);
    expect(await counts()).toEqual(before);
    expect(bed.api.responses()).toEqual([]);
  });

  it('answers Slack’s url_verification challenge, and only to POSTs on its path', async () => {
    const response = await post(urlVerificationRequest(bed.url, 'chal-123', SECRET));
    expect(await response.json()).toEqual({ challenge: 'chal-123' });
    expect((await fetch(bed.url)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${bed.running.httpPort}/healthz`)).status).toBe(200);
  });
});
