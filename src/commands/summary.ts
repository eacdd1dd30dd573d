import { z } from 'zod';
import { buildDigest, digestCard } from '../domain/summaries/digest.ts';
import { digestSettings, settingNamed, weekdayName } from '../domain/summaries/settings.ts';
import { requirePermission } from '../domain/permissions.ts';
import type { ChannelRecord } from '../domain/directory.ts';
import type { Card } from '../core/card.ts';
import { translator } from '../i18n/translate.ts';
import type { CommandContext } from './context.ts';
import { defineCommand, subcommand } from './define-command.ts';
import { invalidArgument } from './parse.ts';

const DAY_MS = 86_400_000;

function settingsCard(channel: ChannelRecord): Card {
  const t = translator(channel.locale);
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
    ],
    footer: [t('summaries.configHint')],
  };
}

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
        const until = ctx.services.clock.now();
        const days = ctx.channel.digestFrequency === 'daily' ? 1 : 7;
        const digest = await buildDigest(ctx.services.db, ctx.channel, { since: new Date(until.getTime() - days * DAY_MS), until });
        return { visibility: 'ephemeral', card: digestCard(digest, ctx.t, ctx.locale, ctx.timeZone) };
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
        if (!setting) return { visibility: 'ephemeral', card: settingsCard(ctx.channel) };
        await requirePermission(ctx, 'moderator');
        const name = settingNamed(setting);
        if (!name) throw invalidArgument(ctx.t('args.setting'), 'validation.setting', ctx.t);
        if (name === 'hub') await requirePermission(ctx, 'admin');
        const parsed = digestSettings[name].schema.safeParse(value ?? '');
        if (!parsed.success) throw invalidArgument(ctx.t('args.value'), parsed.error.issues[0]?.message ?? '', ctx.t);
        const channel = await ctx.services.db.channel.update({ where: { id: ctx.channel.id }, data: parsed.data });
        return { visibility: 'ephemeral', card: settingsCard(channel) };
      },
    }),
  ],
});
