import { z } from 'zod';
import { digestSettings, settingNamed, weekdayName } from '../domain/summaries/settings.ts';
import { requirePermission } from '../domain/permissions.ts';
import type { ChannelRecord } from '../domain/directory.ts';
import type { Card, Rich } from '../core/card.ts';
import { translator } from '../i18n/translate.ts';
import { deliveryContext } from '../scheduler/context.ts';
import { deliverDigestNow, renderDigest } from '../scheduler/digests.ts';
import { currentWindow, latestOccurrence } from '../scheduler/occurrences.ts';
import type { CommandContext } from './context.ts';
import { defineCommand, subcommand } from './define-command.ts';
import { invalidArgument } from './parse.ts';

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
      async run(_args, ctx: CommandContext) {
        const window = currentWindow(ctx.channel, ctx.services.clock.now());
        // A preview always shows the card, even when an empty digest would be skipped.
        const card = await renderDigest(ctx.services, { ...ctx.channel, digestSkipEmpty: false }, window, kindOf(ctx.channel));
        return { visibility: 'ephemeral', card: card! };
      },
    }),
    subcommand({
      name: 'now',
      aliases: ['maintenant'],
      args: [],
      schema: z.object({}),
      permission: 'moderator',
      help: 'summaries.help.now',
      async run(_args, ctx: CommandContext) {
        const outcome = await deliverDigestNow(deliveryContext(ctx.services), ctx.channel);
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
      help: 'summaries.help.config',
      async run({ setting, value }, ctx) {
        if (!setting) return { visibility: 'ephemeral', card: settingsCard(ctx.channel, ctx.services.clock.now()) };
        await requirePermission(ctx, 'moderator');
        const name = settingNamed(setting);
        if (!name) throw invalidArgument(ctx.t('args.setting'), 'validation.setting', ctx.t);
        if (name === 'hub') await requirePermission(ctx, 'admin');
        const parsed = digestSettings[name].schema.safeParse(value ?? '');
        if (!parsed.success) throw invalidArgument(ctx.t('args.value'), parsed.error.issues[0]?.message ?? '', ctx.t);
        const channel = await ctx.services.db.channel.update({ where: { id: ctx.channel.id }, data: parsed.data });
        return { visibility: 'ephemeral', card: settingsCard(channel, ctx.services.clock.now()) };
      },
    }),
  ],
});
