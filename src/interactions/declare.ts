import type { z } from 'zod';
import type { CardButton, Reply } from '../core/card.ts';
import type { FieldErrors, Form, FormValues } from '../core/form.ts';
import type { CapturedMessage } from '../core/gesture.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { CoreConfig } from '../config.ts';
import type { InteractionContext } from './context.ts';

/**
 * Who may do something. The pipeline enforces it before the handler runs, and the README's "Who"
 * column is generated from the same declaration.
 * - `anyone`;
 * - `channel`: the channel's own settings (its digest, its language, which network it asks to
 *   join): its moderators on the platform, moderators of its network, administrators;
 * - `organizer` / `moderator` / `admin`: that role or a higher one in the network concerned — the
 *   target's (the tip, meetup or resource the `id` argument names) when the declaration has a target, else
 *   the channel's;
 * - `owner`: the target's author, organizer or sharer, or a moderator of the target's network;
 * - `relay`: an organizer of the target's network, or whoever may configure the channel (its platform
 *   moderators, its network's moderators), who may pass another network's meetup along into it.
 */
export type Role = 'organizer' | 'moderator' | 'admin';
export type Permission = 'anyone' | 'channel' | Role | 'owner' | 'relay';
export type TargetKind = 'tip' | 'meetup' | 'resource' | 'network';

export interface Access<Args> {
  permission: Permission;
  /** What the `id` (or, for a network, `slug`) argument names: its network is the one roles are checked in; `owner` needs it. */
  target?: TargetKind;
  /** Stricter permissions for some arguments, e.g. changing a setting rather than reading it. */
  stricter?: Array<{ when: (args: Args) => boolean; permission: Permission; doc: MessageKey }>;
}

type Handler<Args> = (args: Args, ctx: InteractionContext) => Promise<Reply | Reply[]>;

/**
 * One argument. `word` takes one whitespace-separated token, `rest` everything left.
 * With `syntax: 'pipes'` each argument is one `|`-separated segment instead.
 */
export interface ArgSpec {
  name: string;
  kind: 'word' | 'rest';
  optional?: boolean;
  /** The placeholder shown in usage, e.g. "<texte> [#tags]". */
  label: MessageKey;
  /** Names a person: handed to the schema as a PersonArg (src/interactions/arguments.ts). */
  person?: true;
}

export interface SubcommandDecl<Schema extends z.ZodType = z.ZodType> extends Access<z.output<Schema>> {
  name: string;
  aliases?: string[];
  syntax?: 'words' | 'pipes';
  args: ArgSpec[];
  /** Validates the raw strings of `args`, keyed by name; its output is what `run` receives. */
  schema: Schema;
  help: MessageKey;
  /** Typed with no arguments on a platform that shows forms, opens this declared form instead. */
  form?: string;
  run: Handler<z.output<Schema>>;
}

export interface CommandDecl {
  name: string;
  /** Other names of the whole command, e.g. its French spelling (/ressource): registered on every platform too. */
  aliases?: string[];
  help: MessageKey;
  subcommands: SubcommandDecl[];
  /** Subcommand used when the first word names none, e.g. `/tip Use the shared calendar` → add. */
  fallback?: string;
}

/** A button on a card. Its id is what the card carries; the click comes back here, never parsed. */
export interface ActionDecl<Schema extends z.ZodType = z.ZodType> extends Access<z.output<Schema>> {
  id: string;
  /** Reads the button's value; its output is what `run` receives (and must hold `id` for a target). */
  schema: Schema;
  run: Handler<z.output<Schema>>;
}

export interface ReactionArgs {
  emoji: string;
  added: boolean;
  messageId: string;
  /** `on: 'announcement'`: the meetup the message announces. */
  meetupId?: number;
  /** `on: 'message'`: the message as people read it, fetched from the platform. */
  message?: CapturedMessage;
}

export interface ReactionDecl extends Access<ReactionArgs> {
  id: string;
  /** The emoji it answers; read from the configuration where people choose it. */
  emoji(config: CoreConfig): string[];
  /** Only on a meetup's announcement, or on any message (whose text is then fetched). */
  on: 'announcement' | 'message';
  /** Also when the reaction is taken back. */
  removals?: boolean;
  run: Handler<ReactionArgs>;
}

export interface FormContext {
  locale: string;
  timeZone: string;
  now: Date;
}

export interface FormDecl<Value = unknown, Subject = never> extends Access<Value> {
  id: string;
  /**
   * The form in one reader's language, starting from the channel's settings, or from `subject`
   * (what an edit form changes; without it, every field the form can have, as platforms read them back).
   */
  build(context: FormContext, subject?: Subject): Form;
  /** Every field checked at once: a platform can show each error beside its field. `subject` comes back from Form.subject. */
  check(values: FormValues, context: Pick<FormContext, 'locale' | 'now'> & { subject?: string | undefined }): { ok: true; value: Value } | { ok: false; errors: FieldErrors };
  run: Handler<Value>;
}

/** "Save as tip" on someone's message (Slack's message shortcut). */
export interface CaptureDecl extends Access<CapturedMessage> {
  id: string;
  label: MessageKey;
  description: MessageKey;
  run: Handler<CapturedMessage>;
}

/** Keeps each declaration's argument types tied to its schema. */
export const subcommand = <Schema extends z.ZodType>(decl: SubcommandDecl<Schema>): SubcommandDecl => decl as unknown as SubcommandDecl;
export const action = <Schema extends z.ZodType>(decl: ActionDecl<Schema>): ActionDecl => decl as unknown as ActionDecl;
export const form = <Value, Subject = never>(decl: FormDecl<Value, Subject>): FormDecl<unknown, unknown> & FormDecl<Value, Subject> => decl as never;
export const defineCommand = (decl: CommandDecl): CommandDecl => decl;

/** A card button that runs `decl` with `value`: the only way buttons are made. */
export function button(decl: ActionDecl, value: string | number, label: string, extra: Pick<CardButton, 'style' | 'instead'> = {}): CardButton {
  return { actionId: decl.id, value: String(value), label, ...extra };
}
