import { z } from 'zod';
import { personArg } from '../arguments.ts';
import { RelaisError } from '../../core/errors.ts';
import { ensureMember } from '../../domain/directory.ts';
import { tellWaitlist } from '../../domain/meetups/answer.ts';
import { attachChannel, createNetwork, findNetwork, listNetworks, slugPattern } from '../../domain/networks/service.ts';
import { identitiesOf } from '../../domain/people/identities.ts';
import { grantableRoles, isAdmin, standingIn } from '../../domain/permissions.ts';
import { forgetQuestionCard, forgottenCard, personalDataCard, type PrivacyCardOptions } from '../../domain/privacy/cards.ts';
import { forgetMember } from '../../domain/privacy/forget.ts';
import { personalData } from '../../domain/privacy/personal-data.ts';
import type { InteractionContext } from '../context.ts';
import { defineCommand, subcommand } from '../declare.ts';
import { confirmation } from '../replies.ts';
import { followSubcommands } from './follow.ts';
import { identitiesField, peopleSubcommands } from './people.ts';

const privacyOptions = (ctx: InteractionContext): PrivacyCardOptions => ({
  t: ctx.t, locale: ctx.locale, timeZone: ctx.timeZone, prefix: ctx.prefix, retentionDays: ctx.config.RELAIS_RSVP_RETENTION_DAYS,
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
      // Answered by the pipeline with every command's usage; declared so it shows in the help itself.
      async run() {
        throw new Error('help is answered by the pipeline');
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
      // Joining a network is that network's say: a room's moderators on the platform have none.
      // A network not created yet belongs to nobody but the administrators.
      permission: 'moderator',
      target: 'network',
      help: 'relais.help.network',
      async run({ slug, name }, ctx) {
        const network = (await findNetwork(ctx.db, slug)) ?? (await createNetwork(ctx.db, slug, name ?? slug));
        await attachChannel(ctx.db, ctx.channel, network.id);
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
        const networks = await listNetworks(ctx.db);
        return {
          visibility: 'ephemeral',
          card: {
            locale: ctx.locale,
            header: [ctx.t('relais.networksTitle')],
            ...(networks.length
              ? { items: networks.map((network) => [{ strong: network.name }, ` (${network.slug}) — ${ctx.t('relais.networkCounts', {
                  channels: ctx.t('relais.channels', { count: network._count.channels }),
                  tips: ctx.t('relais.tips', { count: network._count.tips }),
                  meetups: ctx.t('relais.meetups', { count: network._count.meetups }),
                })}`]) }
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
        const network = ctx.channel.networkId ? await ctx.db.network.findUnique({ where: { id: ctx.channel.networkId } }) : null;
        const standing = await standingIn(ctx.asker, ctx.channel.networkId);
        const role = standing === 'anyone' && ctx.asker.channelModerator ? 'channelModerator' : standing;
        return {
          visibility: 'ephemeral',
          card: {
            locale: ctx.locale,
            header: [ctx.member.displayName],
            fields: [
              { label: ctx.t('relais.platform'), value: [`${ctx.member.platform} · ${ctx.member.externalId}`] },
              identitiesField(ctx, await identitiesOf(ctx.db, ctx.member.personId)),
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
        { name: 'user', kind: 'rest', label: 'args.user', person: true },
      ],
      schema: z.object({
        action: z.enum(['grant', 'revoke'], 'validation.roleAction'),
        role: z.enum(grantableRoles, 'validation.role'),
        user: personArg,
      }),
      permission: 'moderator',
      stricter: [{ when: ({ role }) => role === 'moderator', permission: 'admin', doc: 'relais.who.grantModerator' }],
      help: 'relais.help.role',
      async run({ action, role, user }, ctx) {
        const networkId = ctx.channel.networkId;
        if (networkId === null) throw new RelaisError('conflict', 'relais.errors.noNetwork');
        if (!user.found) throw new RelaisError('not_found', 'relais.errors.unknownPerson', { user: user.text });
        const { db } = ctx;
        const target = await ensureMember(db, user.found);
        // Roles are the person's: granted to one identity, held on every identity linked to it.
        const key = { personId_networkId_role: { personId: target.personId, networkId, role } };
        if (action === 'grant') {
          await db.role.upsert({ where: key, create: { memberId: target.id, personId: target.personId, networkId, role }, update: {} });
          return confirmation(ctx, ctx.t('relais.granted', { user: target.displayName, role: { key: `roles.${role}` } }));
        }
        const removed = await db.role.deleteMany({ where: { personId: target.personId, networkId, role } });
        if (removed.count === 0) throw new RelaisError('conflict', 'relais.errors.noSuchRole', { user: target.displayName, role: { key: `roles.${role}` } });
        return confirmation(ctx, ctx.t('relais.revoked', { user: target.displayName, role: { key: `roles.${role}` } }));
      },
    }),
    ...followSubcommands,
    subcommand({
      name: 'reminders',
      aliases: ['rappels'],
      args: [{ name: 'choice', kind: 'word', label: 'meetupFlow.args.onOff' }],
      schema: z.object({
        choice: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(['on', 'off', 'oui', 'non', 'yes', 'no'], 'validation.onOff')).transform((value) => ['on', 'oui', 'yes'].includes(value)),
      }),
      permission: 'anyone',
      help: 'meetupFlow.help.reminders',
      async run({ choice }, ctx) {
        // The person's choice, whichever linked identity makes it.
        await ctx.db.person.update({ where: { id: ctx.member.personId }, data: { reminderDMs: choice } });
        const said = choice ? ctx.t('meetupFlow.reminders.on') : ctx.t('meetupFlow.reminders.off', { command: `${ctx.prefix}relais reminders on` });
        return confirmation(ctx, ctx.config.RELAIS_REMINDER_DM ? said : `${said} ${ctx.t('meetupFlow.reminders.notEnabled')}`);
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
        return { visibility: 'ephemeral', card: personalDataCard(await personalData(ctx.db, ctx.member, await isAdmin(ctx.asker)), privacyOptions(ctx)) };
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
        const { db, clock } = ctx;
        if (!confirm) return { visibility: 'ephemeral', card: forgetQuestionCard(await personalData(db, ctx.member, false), privacyOptions(ctx)) };
        const done = await forgetMember(db, ctx.member, ctx.t('privacy.anonymous'), clock.now(), (_tx, identity) => ctx.forgetPlatformState(identity));
        for (const { meetupId, title, promoted } of done.freedSeats) {
          ctx.changed(meetupId);
          await tellWaitlist(ctx, { id: meetupId, title }, promoted, []);
        }
        return { visibility: 'ephemeral', card: forgottenCard(done, ctx) };
      },
    }),
    ...peopleSubcommands,
  ],
});
