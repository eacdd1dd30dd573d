import { z } from 'zod';
import type { Card, Reply } from '../../core/card.ts';
import { RelaisError, type MessageParams } from '../../core/errors.ts';
import { userRefOf } from '../../domain/directory.ts';
import { tellWaitlist } from '../../domain/meetups/answer.ts';
import { calendarToken, personalMeetups } from '../../domain/people/calendar.ts';
import { LINK_CODE_MINUTES, issueLinkCode, redeemLinkCode, unlinkPlatform } from '../../domain/people/linking.ts';
import { holderName, networkRoles, type RoleHolder } from '../../domain/people/roles.ts';
import type { InteractionContext } from '../context.ts';
import { subcommand } from '../declare.ts';
import { confirmation } from '../replies.ts';

/** A secret (a code, a feed address) only the asker may read: ephemeral where that is private, else a private message. */
async function secretly(ctx: InteractionContext, card: Card): Promise<Reply> {
  if (ctx.privateReplies) return { visibility: 'ephemeral', card };
  await ctx.out.direct(userRefOf(ctx.member), card);
  return confirmation(ctx, ctx.t('people.sentPrivately'));
}

const command = (ctx: InteractionContext, line: string) => `${ctx.prefix}relais ${line}`;

/** The feed's address: its secret is the only key, RELAIS_WEB_TOKEN is not needed (src/web/pages/personal-feed.ts). */
const feedUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/people/${token}/calendar.ics`;

/** /relais link, unlink, calendar and roles: listed in /relais with the others. */
export const peopleSubcommands = [
  subcommand({
    name: 'link',
    aliases: ['relier'],
    args: [{ name: 'code', kind: 'rest', optional: true, label: 'people.args.code' }],
    schema: z.object({ code: z.string().max(40, 'validation.tooLong').optional() }),
    permission: 'anyone',
    help: 'people.help.link',
    async run({ code }, ctx) {
      const { t } = ctx;
      const now = ctx.clock.now();
      if (!code) {
        const issued = await issueLinkCode(ctx.db, ctx.member, now);
        return secretly(ctx, {
          locale: ctx.locale,
          header: [t('people.link.title')],
          body: [[{ strong: t('people.link.code', { code: issued.code }) }], [t('people.link.howTo', {
            command: `/relais link ${issued.code}`, matrixCommand: `!relais link ${issued.code}`, minutes: LINK_CODE_MINUTES,
          })]],
        });
      }
      const outcome = await redeemLinkCode(ctx.db, ctx.member, code, now);
      if (!outcome.linked) {
        const { refusal } = outcome;
        const params: MessageParams = refusal === 'samePlatform' ? { platform: outcome.platform ?? '', command: command(ctx, `unlink ${outcome.platform ?? ''}`) } : { command: command(ctx, 'link') };
        return { visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'error', body: [[t(`people.link.refused.${refusal}`, params)]] } };
      }
      for (const meetupId of outcome.changedMeetups) ctx.changed(meetupId);
      for (const { meetupId, members } of outcome.promoted) {
        const meetup = await ctx.db.meetup.findUniqueOrThrow({ where: { id: meetupId }, select: { id: true, title: true } });
        await tellWaitlist(ctx, meetup, members, []);
      }
      // The other side hears of it, so a link nobody meant does not go unnoticed.
      await ctx.out.direct(userRefOf(outcome.issuer), {
        locale: ctx.locale, tone: 'warning',
        body: [[t('people.link.told', { platform: outcome.issuer.platform, other: `${ctx.member.displayName} (${ctx.member.platform} · ${ctx.member.externalId})`, command: `${ctx.prefixOn(outcome.issuer.platform)}relais unlink ${ctx.member.platform}` })]],
      });
      return {
        visibility: 'ephemeral',
        card: { locale: ctx.locale, tone: 'success', body: [[t('people.link.linked')]], fields: [identitiesField(ctx, outcome.identities)] },
      };
    },
  }),
  subcommand({
    name: 'unlink',
    aliases: ['separer', 'séparer'],
    args: [{ name: 'platform', kind: 'word', label: 'people.args.platform' }],
    schema: z.object({ platform: z.string().toLowerCase().max(40, 'validation.tooLong') }),
    permission: 'anyone',
    help: 'people.help.unlink',
    async run({ platform }, ctx) {
      const leaving = await unlinkPlatform(ctx.db, ctx.member, platform);
      return confirmation(ctx, ctx.t('people.unlink.done', { platform: leaving.platform, name: leaving.displayName }));
    },
  }),
  subcommand({
    name: 'calendar',
    aliases: ['agenda'],
    args: [{ name: 'reset', kind: 'word', optional: true, label: 'people.args.reset' }],
    schema: z.object({ reset: z.string().toLowerCase().pipe(z.enum(['reset'], 'validation.invalid')).optional() }),
    permission: 'anyone',
    help: 'people.help.calendar',
    async run({ reset }, ctx) {
      const { t } = ctx;
      const publicUrl = ctx.config.RELAIS_PUBLIC_URL;
      if (!publicUrl) throw new RelaisError('conflict', 'people.calendar.errors.noPublicUrl');
      const url = feedUrl(publicUrl, await calendarToken(ctx.db, ctx.member.personId, reset === 'reset'));
      return secretly(ctx, {
        locale: ctx.locale,
        header: [t('people.calendar.title')],
        body: [...(reset ? [[t('people.calendar.reset')]] : []), [t('people.calendar.body')], [{ link: url }]],
        footer: [t('people.calendar.resetHint', { command: command(ctx, 'calendar reset') })],
      });
    },
  }),
  subcommand({
    name: 'roles',
    args: [],
    schema: z.object({}),
    permission: 'anyone',
    help: 'people.help.roles',
    async run(_args, ctx) {
      const { t } = ctx;
      const networkId = ctx.channel.networkId;
      if (networkId === null) throw new RelaisError('conflict', 'relais.errors.noNetwork');
      const network = await ctx.db.network.findUniqueOrThrow({ where: { id: networkId } });
      const roles = await networkRoles(ctx.db, networkId);
      const names = (holders: RoleHolder[]) => [holders.length ? holders.map(holderName).join(' · ') : t('people.roles.none')];
      return {
        visibility: 'ephemeral',
        card: {
          locale: ctx.locale,
          header: [t('people.roles.title', { name: network.name })],
          fields: [
            { label: t('people.roles.organizers'), value: names(roles.organizer) },
            { label: t('people.roles.moderators'), value: names(roles.moderator) },
          ],
          footer: [t('people.roles.admins')],
        },
      };
    },
  }),
];

/** "Ana (slack · U0ANA), Ana (matrix · @ana:tchap.gouv.fr)". */
export function identitiesField(ctx: Pick<InteractionContext, 't'>, identities: Array<{ displayName: string; platform: string; externalId: string }>) {
  return { label: ctx.t('people.identities'), value: [identities.map((identity) => `${identity.displayName} (${identity.platform} · ${identity.externalId})`).join(', ')] };
}

/** /meetup mine: the upcoming meetups the person answered going or maybe, on any of their identities. */
export const mineSubcommand = subcommand({
  name: 'mine',
  aliases: ['miennes', 'mes-rencontres'],
  args: [],
  schema: z.object({}),
  permission: 'anyone',
  help: 'people.help.mine',
  async run(_args, ctx) {
    const { t } = ctx;
    const meetups = (await personalMeetups(ctx.db, { personId: ctx.member.personId }, ctx.clock.now()))!.filter((meetup) => meetup.status === 'scheduled');
    const answer = (meetup: (typeof meetups)[number]) => t(`people.mine.${meetup.answer === 'maybe' ? 'maybe' : meetup.waitlisted ? 'waitlisted' : 'going'}`);
    return {
      visibility: 'ephemeral',
      card: {
        locale: ctx.locale,
        header: [t('people.mine.title')],
        ...(meetups.length
          ? { items: meetups.map((meetup) => [{ strong: `#${meetup.id} ${meetup.title}` }, ' — ', { date: meetup.startsAt, timeZone: ctx.timeZone }, ` — ${answer(meetup)}`]) }
          : { body: [[t('people.mine.none')]] }),
      },
    };
  },
});
