import type { z } from 'zod';
import type { Reply } from '../core/card.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { CommandContext } from './context.ts';

/**
 * Who may run a subcommand. Roles nest: admin > moderator > organizer > anyone.
 * `owner` means the author of the tip or the organizer of the meetup, or a moderator: the handler
 * checks it once it has loaded the target.
 */
export type Permission = 'anyone' | 'owner' | 'organizer' | 'moderator' | 'admin';

/**
 * One argument. `word` takes one whitespace-separated token, `rest` everything left.
 * With `syntax: 'pipes'` each argument is one `|`-separated segment instead.
 */
export interface ArgSpec {
  name: string;
  kind: 'word' | 'rest';
  optional?: boolean;
  /** i18n key of the placeholder shown in usage, e.g. "<texte> [#tags]". */
  label: MessageKey;
}

export interface SubcommandDef<Schema extends z.ZodType = z.ZodType> {
  name: string;
  aliases?: string[];
  syntax?: 'words' | 'pipes';
  args: ArgSpec[];
  /** Validates the raw strings of `args`, keyed by name; its output is what `run` receives. */
  schema: Schema;
  permission: Permission;
  help: MessageKey;
  /** Replies go to the whole channel rather than only to the caller. */
  run(args: z.output<Schema>, ctx: CommandContext): Promise<Reply | Reply[]>;
}

export interface CommandDef {
  name: string;
  help: MessageKey;
  subcommands: SubcommandDef[];
  /** Subcommand used when the first word names none, e.g. `/tip Use the shared calendar` → add. */
  fallback?: string;
}

/** Keeps each subcommand's argument types tied to its schema. */
export const subcommand = <Schema extends z.ZodType>(def: SubcommandDef<Schema>): SubcommandDef =>
  def as unknown as SubcommandDef;

export const defineCommand = (def: CommandDef): CommandDef => def;
