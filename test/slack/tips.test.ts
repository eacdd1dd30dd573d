/**
 * Capturing tips from Slack messages: the "Save as tip" shortcut and the tip emoji reaction store
 * the message with its author, channel and permalink; the person who saved it is told privately.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { interactionRequest, messageActionPayload, post } from '../fakes/slack-requests.ts';
import { CHANNEL, SECRET, startTestbed, TEAM, textOf, type Testbed, type TestbedOptions } from './testbed.ts';

let bed: Testbed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

async function start(options?: TestbedOptions): Promise<Testbed> {
  bed = await startTestbed(options);
  return bed;
}

const message = {
  ts: '1764500000.000200',
  text: 'Pour les visios, <https://docs.example.org/visio|la doc> &amp; <@U0BEA> expliquent tout &lt;3',
  user: 'U0BEA',
};
const permalink = 'https://fake.slack.com/archives/C0FAKE/p1764500000000200';

describe('Save as tip (message shortcut)', { timeout: 20_000 }, () => {
  it('saves the message as its author’s tip, with a permalink, and tells the saver privately', async () => {
    const bed = await start();
    const response = await bed.shortcut({ callbackId: 'relais.tip.save', message, userId: 'U0USER' });
    expect(response.status).toBe(200);
    const told = await bed.api.waitFor('chat.postEphemeral');
    expect(told.args).toMatchObject({ channel: CHANNEL, user: 'U0USER' });
    expect(textOf(told.args)).toContain('Message de Béa enregistré comme astuce n°1');
    const tip = await bed.db.tip.findFirstOrThrow({ include: { author: true, channel: true } });
    expect(tip.text).toBe('Pour les visios, la doc (https://docs.example.org/visio) & @Béa expliquent tout <3');
    expect(tip.permalink).toBe(permalink);
    expect(tip.author).toMatchObject({ platform: 'slack', workspace: TEAM, externalId: 'U0BEA', displayName: 'Béa' });
    expect(tip.channel).toMatchObject({ workspace: TEAM, externalId: CHANNEL });
  });

  it('the same shortcut delivered twice saves once; saving the message again says it already is a tip', async () => {
    const bed = await start();
    const request = interactionRequest(bed.url, messageActionPayload({ callbackId: 'relais.tip.save', message, userId: 'U0USER' }), SECRET);
    await post(request);
    await bed.api.waitFor('chat.postEphemeral');
    await post(request);
    await bed.waitForLog((record) => typeof record.key === 'string' && record.key.startsWith('shortcut:'));
    expect(await bed.db.tip.count()).toBe(1);

    await bed.shortcut({ callbackId: 'relais.tip.save', message, userId: 'U0ADMIN' });
    const again = await bed.api.waitFor('chat.postEphemeral', (call) => call.args.user === 'U0ADMIN');
    expect(textOf(again.args)).toContain('déjà l’astuce n°1');
    expect(await bed.db.tip.count()).toBe(1);
  });

  it('an empty message is refused, privately', async () => {
    const bed = await start();
    await bed.shortcut({ callbackId: 'relais.tip.save', message: { ts: '1764500000.000300', text: '', user: 'U0BEA' } });
    expect(textOf((await bed.api.waitFor('chat.postEphemeral')).args)).toContain('Ce message est vide');
    expect(await bed.db.tip.count()).toBe(0);
  });
});

describe('the tip emoji', { timeout: 20_000 }, () => {
  it('💡 (bulb) on a message saves it; the reacting person is told', async () => {
    const bed = await start();
    bed.api.addMessage(CHANNEL, message);
    await bed.react('reaction_added', 'bulb', message.ts, { user: 'U0USER' });
    const told = await bed.api.waitFor('chat.postEphemeral');
    expect(told.args.user).toBe('U0USER');
    expect(textOf(told.args)).toContain('astuce n°1');
    expect(await bed.db.tip.findFirstOrThrow({ include: { author: true } })).toMatchObject({ permalink, author: { externalId: 'U0BEA' } });
  });

  it('finds a reply in a thread too', async () => {
    const bed = await start();
    bed.api.addMessage(CHANNEL, { ts: '1764500000.000400', thread_ts: '1764500000.000100', text: 'Réponse utile dans un fil', user: 'U0BEA' });
    await bed.react('reaction_added', 'bulb', '1764500000.000400');
    await bed.api.waitFor('chat.postEphemeral');
    expect((await bed.db.tip.findFirstOrThrow()).text).toBe('Réponse utile dans un fil');
    expect(bed.api.calls('conversations.replies')).toHaveLength(1);
  });

  it('a custom workspace emoji can be the tip emoji', async () => {
    const bed = await start({ env: { RELAIS_TIP_EMOJI: ':relais-astuce:' } });
    bed.api.addMessage(CHANNEL, message);
    await bed.react('reaction_added', 'bulb', message.ts);
    await bed.react('reaction_added', 'relais-astuce', message.ts);
    await bed.api.waitFor('chat.postEphemeral');
    expect(await bed.db.tip.count()).toBe(1);
  });

  it('other reactions, and removing the tip emoji, do nothing', async () => {
    const bed = await start();
    bed.api.addMessage(CHANNEL, message);
    await bed.react('reaction_added', 'tada', message.ts);
    await bed.react('reaction_removed', 'bulb', message.ts);
    await bed.react('reaction_added', 'bulb', message.ts);
    await bed.api.waitFor('chat.postEphemeral');
    expect(await bed.db.tip.count()).toBe(1);
    expect(await bed.db.inbound.count()).toBe(1);
  });
});

describe('tip buttons', { timeout: 20_000 }, () => {
  it('a vote button counts once per person', async () => {
    const bed = await start();
    await bed.slash('/tip', 'add Une astuce à voter');
    const url = bed.api.responseUrl();
    await bed.click({ actionId: 'tip.vote', value: '1', userId: 'U0BEA', responseUrl: url });
    expect(textOf((await bed.api.waitForResponse((answer) => url.endsWith(`/${answer.n}`))).body)).toContain('Vote enregistré');
    expect(await bed.db.tipVote.count()).toBe(1);
  });
});
