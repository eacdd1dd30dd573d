import { z } from 'zod';
import { RelaisError } from '../core/errors.ts';
import { ensureMember } from '../domain/directory.ts';
import { attachChannel, createNetwork, findNetwork, listNetworks, slugPattern } from '../domain/networks/service.ts';
import { grantableRoles, hasPermission, requirePermission, standing } from '../domain/permissions.ts';
import { forgetQuestionCard, forgottenCard, personalDataCard, type PrivacyCardOptions } from '../domain/privacy/cards.ts';
import { forgetMember } from '../domain/privacy/forget.ts';
import { personalData } from '../domain/privacy/personal-data.ts';
import type { CommandContext } from './context.ts';
import { defineCommand, subcommand } from './define-command.ts';
import { confirmation } from './replies.ts';

/** "<@U123|alice>" (Slack), "@alice:example.org" (Matrix) or a bare id → the platform user id. */
function userIdFrom(reference: string): string {
  const slack = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(reference);
  return slack?.[1] ?? reference;
}

const privacyOptions = (ctx: CommandContext): PrivacyCardOptions => ({
  t: ctx.t, locale: ctx.locale, timeZone: ctx.timeZone, prefix: ctx.prefix, retentionDays: ctx.services.config.RELAIS_RSVP_RETENTION_DAYS,
});

export const relaisCommand = defineCommand({
  name: 'relais',
  help: 'relais.help.command',
  subcommands: [
    subcommand({
      name: 'help',
      aliases: ['aide'],
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'relais.help.help',
      // Answered by the registry with every command's usage; declared so it shows in the help itself.
      async run() {
        throw new Error('help is answered by the registry');
      },
    }),
    subcommand({
      name: 'network',
      aliases: ['reseau', 'réseau'],
      args: [
        { name: 'slug', kind: 'word', label: 'args.slug' },
        { name: 'name', kind: 'rest', optional: true, label: 'args.networkName' },
      ],
      schema: z.object({
        slug: z.string().transform((value) => value.toLowerCase()).pipe(z.string().regex(slugPattern, 'validation.slug')),
        name: z.string().max(100, 'validation.tooLong').optional(),
      }),
      permission: 'anyone',
      help: 'relais.help.network',
      async run({ slug, name }, ctx) {
        const { db } = ctx.services;
        let network = await findNetwork(db, slug);
        if (!network) {
          await requirePermission(ctx, 'admin', null);
          network = await createNetwork(db, slug, name ?? slug);
        }
        const mayAttach = (await hasPermission(ctx, 'moderator', network.id)) || ctx.conversation.isChannelModerator === true;
        if (!mayAttach) throw new RelaisError('forbidden', 'errors.forbidden', { role: { key: 'roles.moderator' } });
        await attachChannel(db, ctx.channel, network.id);
        return confirmation(ctx, ctx.t('relais.attached', { name: network.name, slug: network.slug }));
      },
    }),
    subcommand({
      name: 'networks',
      aliases: ['reseaux', 'réseaux'],
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'relais.help.networks',
      async run(_args, ctx) {
        const networks = await listNetworks(ctx.services.db);
        return {
          visibility: 'ephemeral',
          card: {
            locale: ctx.locale,
            header: [ctx.t('relais.networksTitle')],
            ...(networks.length
              ? { items: networks.map((network) => [{ strong: network.name }, ` (${network.slug}) — ${ctx.t('relais.networkCounts', { channels: network._count.channels, tips: network._count.tips, meetups: network._count.meetups })}`]) }
              : { body: [[ctx.t('relais.noNetworks')]] }),
          },
        };
      },
    }),
    subcommand({
      name: 'whoami',
      aliases: ['moi'],
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'relais.help.whoami',
      async run(_args, ctx) {
        const network = ctx.channel.networkId ? await ctx.services.db.network.findUnique({ where: { id: ctx.channel.networkId } }) : null;
        const role = await standing(ctx);
        return {
          visibility: 'ephemeral',
          card: {
            locale: ctx.locale,
            header: [ctx.member.displayName],
            fields: [
              { label: ctx.t('relais.platform'), value: [`${ctx.member.platform} · ${ctx.member.externalId}`] },
              { label: ctx.t('relais.network'), value: [network ? `${network.name} (${network.slug})` : ctx.t('relais.noNetwork')] },
              { label: ctx.t('relais.role'), value: [ctx.t(`roles.${role}`)] },
              { label: ctx.t('relais.channelSettings'), value: [`${ctx.channel.locale} · ${ctx.channel.timezone}`] },
            ],
          },
        };
      },
    }),
    subcommand({
      name: 'role',
      args: [
        { name: 'action', kind: 'word', label: 'args.roleAction' },
        { name: 'role', kind: 'word', label: 'args.role' },
        { name: 'user', kind: 'rest', label: 'args.user' },
      ],
      schema: z.object({
        action: z.enum(['grant', 'revoke'], 'validation.roleAction'),
        role: z.enum(grantableRoles, 'validation.role'),
        user: z.string().min(1).max(255, 'validation.tooLong'),
      }),
      permission: 'moderator',
      help: 'relais.help.role',
      async run({ action, role, user }, ctx) {
        const networkId = ctx.channel.networkId;
        if (networkId === null) throw new RelaisError('conflict', 'relais.errors.noNetwork');
        if (role === 'moderator') await requirePermission(ctx, 'admin', networkId);
        const { db } = ctx.services;
        const externalId = userIdFrom(user.trim());
        const identity = { platform: ctx.member.platform, workspace: ctx.member.workspace, externalId };
        const target =
          (await db.member.findUnique({ where: { platform_workspace_externalId: identity } })) ??
          (await ensureMember(db, { ...identity, platform: ctx.conversation.user.platform, displayName: externalId }));
        const key = { memberId_networkId_role: { memberId: target.id, networkId, role } };
        if (action === 'grant') await db.role.upsert({ where: key, create: { memberId: target.id, networkId, role }, update: {} });
        else await db.role.deleteMany({ where: { memberId: target.id, networkId, role } });
        return confirmation(ctx, ctx.t(action === 'grant' ? 'relais.granted' : 'relais.revoked', { user: target.displayName, role: { key: `roles.${role}` } }));
      },
    }),
    subcommand({
      name: 'my-data',
      aliases: ['mes-donnees', 'mes-données'],
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'privacy.help.myData',
      async run(_args, ctx) {
        return { visibility: 'ephemeral', card: personalDataCard(await personalData(ctx.services.db, ctx.member), privacyOptions(ctx)) };
      },
    }),
    subcommand({
      name: 'forget-me',
      aliases: ['oublie-moi', 'oubliez-moi'],
      args: [{ name: 'confirm', kind: 'word', optional: true, label: 'privacy.args.confirm' }],
      schema: z.object({ confirm: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(['confirm', 'confirmer'], 'validation.invalid')).optional() }),
      permission: 'anyone',
      help: 'privacy.help.forgetMe',
      async run({ confirm }, ctx) {
        const { db, announcer, clock } = ctx.services;
        if (!confirm) return { visibility: 'ephemeral', card: forgetQuestionCard(await personalData(db, ctx.member), privacyOptions(ctx)) };
        const done = await forgetMember(db, ctx.member, ctx.t('privacy.anonymous'), clock.now());
        for (const { meetupId, title, promoted } of done.freedSeats) {
          announcer.changed(meetupId);
          await announcer.tell(promoted, () => ({ locale: ctx.locale, tone: 'success', body: [[ctx.t('meetups.promoted', { id: meetupId, title })]] }));
        }
        return { visibility: 'ephemeral', card: forgottenCard(done, ctx) };
      },
    }),
  ],
});
