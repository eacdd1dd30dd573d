import type { ChatAdapter } from '../../core/adapter.ts';
import type { Reply } from '../../core/card.ts';
import { RelaisError } from '../../core/errors.ts';
import type { Gesture } from '../../core/gesture.ts';
import type { PersonRef, UserRef } from '../../core/platform.ts';
import type { Tx } from '../../db/transaction.ts';
import type { ChannelRecord } from '../../domain/directory.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { InteractionContext } from '../context.ts';
import type { Access, SubcommandDecl } from '../declare.ts';
import { pickSubcommand, splitArguments, validateArguments } from '../parse.ts';
import type { Interactions } from '../registry.ts';
import { usageLine } from '../usage.ts';
import { helpCard } from './replies.ts';

/** What a gesture asks for, read from its declaration: who may, with what, and the work. */
export interface Plan {
  // The declaration's own argument type, checked where it is declared.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  access: Access<any>;
  args: unknown;
  run(ctx: InteractionContext): Promise<Reply | Reply[]>;
  /** The usage lines shown under a failure about what was typed. */
  usage?: string[];
}

export interface PlanEnv {
  db: Tx;
  interactions: Interactions;
  adapter: ChatAdapter;
  /** How commands are typed on the gesture's platform: usage lines are written with it. */
  prefix: string;
  channel: ChannelRecord;
  t: Translate;
  locale: string;
  timeZone: string;
  now: Date;
  /** Who a piece of text names on the gesture's platform (the platform module's parser). */
  mention(text: string): PersonRef | undefined;
  /** The announcement a message of the gesture's channel is, if it is one. */
  announcement(messageId: string): Promise<{ meetupId: number } | null>;
}

/** Raised with the usage lines to show under it, when the failure is about what was typed. */
export class InputError extends Error {
  constructor(readonly failure: RelaisError, readonly usage: string[]) {
    super(failure.message);
  }
}

const anyone: Plan['access'] = { permission: 'anyone' };

/**
 * Reads a gesture against the declarations. Undefined means there is nothing to do and nothing to
 * say (a reaction nobody declared, a reaction on a message that is no announcement). Platform
 * lookups (the reacted message, the people named) happen here, before the gesture's transaction.
 */
export async function planFor(gesture: Gesture, env: PlanEnv): Promise<Plan | undefined> {
  switch (gesture.kind) {
    case 'command':
      return commandPlan(gesture.command, gesture.text, env);
    case 'action': {
      const decl = env.interactions.action(gesture.actionId);
      if (!decl) throw new RelaisError('usage', 'errors.unknownAction', {}, `unknown action ${gesture.actionId}`);
      // A value a button of ours never carried: an action on nothing.
      const parsed = decl.schema.safeParse({ value: gesture.value });
      if (!parsed.success) throw new RelaisError('not_found', 'errors.notFound.target', {}, `bad value for ${decl.id}`);
      return { access: decl, args: parsed.data, run: (ctx) => decl.run(parsed.data, ctx) };
    }
    case 'reaction': {
      const found = env.interactions.reaction(gesture.emoji);
      if (!found || (!gesture.added && !found.decl.removals)) return undefined;
      const { decl, emoji } = found;
      if (decl.on === 'announcement') {
        const announcement = await env.announcement(gesture.messageId);
        if (!announcement) return undefined;
        const args = { emoji, added: gesture.added, messageId: gesture.messageId, meetupId: announcement.meetupId };
        return { access: decl, args, run: (ctx) => decl.run(args, ctx) };
      }
      const message = await env.adapter.fetchMessage?.(gesture.channel, gesture.messageId);
      if (!message) return undefined;
      const args = { emoji, added: gesture.added, messageId: gesture.messageId, message };
      return { access: decl, args, run: (ctx) => decl.run(args, ctx) };
    }
    case 'form': {
      const decl = env.interactions.form(gesture.formId);
      if (!decl) throw new RelaisError('usage', 'errors.unknownAction', {}, `unknown form ${gesture.formId}`);
      const checked = decl.check(gesture.values, { locale: env.locale, now: env.now, subject: gesture.subject });
      // Valid when submitted (the platform checked it then) but no longer: the time went by.
      if (!checked.ok) throw new RelaisError('invalid_argument', 'errors.formNoLongerValid', { problems: Object.values(checked.errors).join(' ') });
      return { access: decl, args: checked.value, run: (ctx) => decl.run(checked.value, ctx) };
    }
    case 'capture': {
      const decl = env.interactions.capture;
      return { access: decl, args: gesture.message, run: (ctx) => decl.run(gesture.message, ctx) };
    }
  }
}

async function commandPlan(name: string, text: string, env: PlanEnv): Promise<Plan> {
  const { interactions, t, adapter } = env;
  const { prefix } = env;
  const command = interactions.command(name);
  if (!command) throw new RelaisError('usage', 'errors.unknownCommand', { command: `${prefix}${name}` });
  const picked = pickSubcommand(command, text);
  if (picked === 'help' || picked.sub.name === 'help') {
    // A command that declares its own `help` subcommand (/relais help) answers with the help of everything.
    const everything = command.subcommands.some((sub) => sub.name === 'help');
    const card = helpCard(interactions.commands, { t, locale: env.locale, prefix }, everything ? undefined : command);
    return { access: anyone, args: {}, run: async () => ({ visibility: 'ephemeral', card }) };
  }
  const { sub, rest } = picked;
  const usage = [usageLine(prefix, command, sub, t)];
  const form = sub.form ? interactions.form(sub.form) : undefined;
  if (form && rest === '' && adapter.showsForms) {
    const built = form.build({ locale: env.locale, timeZone: env.timeZone, now: env.now });
    const fallback = { locale: env.locale, body: [[t('help.usage'), ' ', { code: usage[0]! }]] };
    return { access: form, args: {}, run: async () => ({ visibility: 'ephemeral', form: built, card: fallback }) };
  }
  let args: unknown;
  try {
    const raw: Record<string, unknown> = splitArguments(sub, rest, t);
    await resolvePeople(sub, raw, env);
    args = validateArguments(sub, raw, t);
  } catch (error) {
    if (error instanceof RelaisError) throw new InputError(error, usage);
    throw error;
  }
  return { access: sub, args, usage, run: (ctx) => sub.run(args, ctx) };
}

/** Person arguments become what the platform says of them: who they are, if anyone. */
async function resolvePeople(sub: SubcommandDecl, raw: Record<string, unknown>, env: PlanEnv): Promise<void> {
  for (const arg of sub.args) {
    const text = raw[arg.name];
    if (!arg.person || typeof text !== 'string') continue;
    const person = env.mention(text.trim());
    let found: UserRef | undefined;
    if (person) found = env.adapter.lookupUser ? await env.adapter.lookupUser(person) : await knownMember(env.db, person);
    raw[arg.name] = { text: text.trim(), ...(found ? { found } : {}) };
  }
}

/** Without a platform to ask, only people Relais has met are known. */
async function knownMember(db: Tx, person: PersonRef): Promise<UserRef | undefined> {
  const member = await db.member.findUnique({ where: { platform_workspace_externalId: { platform: person.platform, workspace: person.workspace, externalId: person.externalId } } });
  return member ? { platform: member.platform, workspace: member.workspace, externalId: member.externalId, displayName: member.displayName } : undefined;
}
