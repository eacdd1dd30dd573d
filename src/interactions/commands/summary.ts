import { z } from 'zod';
import type { Card, Rich } from '../../core/card.ts';
import type { ChannelRecord } from '../../domain/directory.ts';
import { digestSettings, settingNamed, weekdayName, type DigestSettingName } from '../../domain/summaries/settings.ts';
import { translator } from '../../i18n/translate.ts';
import { queueDigestNow, renderDigest } from '../../scheduler/digests.ts';
import { currentWindow, latestOccurrence } from '../../scheduler/occurrences.ts';
import { defineCommand, subcommand } from '../declare.ts';
import { invalidArgument } from '../parse.ts';

function settingsCard(channel: ChannelRecord, now: Date): Card {
  const t = translator(channel.locale);
  const next = latestOccurrence(channel, now)?.next;
  const nextValue: Rich = next ? [{ date: next, timeZone: channel.timezone }] : [t('schedule.nextNone')];
  return {
    locale: channel.locale,
    header: [t('summaries.configTitle')],
    fields: [
      { label: t('summaries.settings.frequency'), value: [t(`summaries.frequencies.${channel.digestFrequency as 'weekly' | 'daily' | 'off'}`)] },
      { label: t('summaries.settings.day'), value: [weekdayName(channel.digestWeekday, channel.locale)] },
      { label: t('summaries.settings.time'), value: [channel.digestTime] },
      { label: t('summaries.settings.timezone'), value: [channel.timezone] },
      { label: t('summaries.settings.locale'), value: [channel.locale] },
      { label: t('summaries.settings.empty'), value: [t(channel.digestSkipEmpty ? 'summaries.emptySkip' : 'summaries.emptyPost')] },
      { label: t('summaries.settings.hub'), value: [t(channel.isHub ? 'summaries.yes' : 'summaries.no')] },
      { label: t('summaries.settings.moderation'), value: [t(channel.digestModeration ? 'summaries.yes' : 'summaries.no')] },
      { label: t('schedule.next'), value: nextValue },
    ],
    footer: [t('summaries.configHint')],
  };
}

const kindOf = (channel: ChannelRecord) => (channel.digestFrequency === 'daily' ? 'daily' : 'weekly');

export const summaryCommand = defineCommand({
  name: 'summary',
  help: 'summaries.help.command',
  subcommands: [
    subcommand({
      name: 'preview',
      aliases: ['apercu', 'aperçu'],
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'summaries.help.preview',
      async run(_args, ctx) {
        const window = currentWindow(ctx.channel, ctx.clock.now());
        // A preview always shows the card, even when an empty digest would be skipped.
        const card = await renderDigest(ctx, { ...ctx.channel, digestSkipEmpty: false }, window, kindOf(ctx.channel));
        return { visibility: 'ephemeral', card: card! };
      },
    }),
    subcommand({
      name: 'now',
      aliases: ['maintenant'],
      args: [],
      schema: z.object({}),
      permission: 'channel',
      help: 'summaries.help.now',
      async run(_args, ctx) {
        const outcome = await queueDigestNow({ ...ctx, owner: ctx.delivery.owner }, ctx.out, ctx.channel);
        const message = outcome === 'posted' ? 'schedule.now.posted' : outcome === 'skipped' ? 'schedule.now.skipped' : 'schedule.now.already';
        return { visibility: 'ephemeral', card: { locale: ctx.locale, tone: outcome === 'posted' ? 'success' : 'info', body: [[ctx.t(message)]] } };
      },
    }),
    subcommand({
      name: 'config',
      args: [
        { name: 'setting', kind: 'word', optional: true, label: 'args.setting' },
        { name: 'value', kind: 'rest', optional: true, label: 'args.value' },
      ],
      schema: z.object({ setting: z.string().optional(), value: z.string().optional() }),
      permission: 'anyone',
      stricter: [
        { when: ({ setting }) => setting !== undefined, permission: 'channel', doc: 'summaries.who.change' },
        { when: ({ setting }) => settingNamed(setting ?? '') === 'hub', permission: 'admin', doc: 'summaries.who.hub' },
        // The queue is the network's: its moderators say which channel reads it.
        { when: ({ setting }) => settingNamed(setting ?? '') === 'moderation', permission: 'moderator', doc: 'summaries.who.moderation' },
      ],
      help: 'summaries.help.config',
      async run({ setting, value }, ctx) {
        if (!setting) return { visibility: 'ephemeral', card: settingsCard(ctx.channel, ctx.clock.now()) };
        const name: DigestSettingName | undefined = settingNamed(setting);
        if (!name) throw invalidArgument(ctx.t('args.setting'), 'validation.setting', ctx.t);
        const parsed = digestSettings[name].schema.safeParse(value ?? '');
        if (!parsed.success) throw invalidArgument(ctx.t('args.value'), parsed.error.issues[0]?.message ?? '', ctx.t);
        const channel = await ctx.db.channel.update({ where: { id: ctx.channel.id }, data: parsed.data });
        return { visibility: 'ephemeral', card: settingsCard(channel, ctx.clock.now()) };
      },
    }),
  ],
});
