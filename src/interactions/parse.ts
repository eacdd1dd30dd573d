import { z } from 'zod';
import { RelaisError } from '../core/errors.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';
import type { CommandDecl, SubcommandDecl } from './declare.ts';

/** The words that ask for a command's help, whatever the command: never a subcommand's argument. */
const helpWords = new Set(['help', 'aide', '?']);

/**
 * Finds the subcommand named by the first word, else the command's fallback; 'help' when the
 * person asks for help (or names nothing the command knows).
 */
export function pickSubcommand(command: CommandDecl, text: string): { sub: SubcommandDecl; rest: string } | 'help' {
  const trimmed = text.trim();
  const [first = ''] = trimmed.split(/\s+/, 1);
  if (helpWords.has(first.toLowerCase())) return 'help';
  const named = command.subcommands.find((sub) => sub.name === first.toLowerCase() || sub.aliases?.includes(first.toLowerCase()));
  if (named) return { sub: named, rest: trimmed.slice(first.length).trim() };
  const fallback = command.subcommands.find((sub) => sub.name === command.fallback);
  return fallback && trimmed ? { sub: fallback, rest: trimmed } : 'help';
}

/** Splits the raw text into the declared arguments, by words or by `|` segments. */
export function splitArguments(sub: SubcommandDecl, text: string, t: Translate): Record<string, string> {
  const raw: Record<string, string> = {};
  let remaining = text.trim();
  const segments = sub.syntax === 'pipes' ? remaining.split('|').map((segment) => segment.trim()) : [];
  sub.args.forEach((arg, index) => {
    let value: string;
    if (sub.syntax === 'pipes') {
      value = arg.kind === 'rest' ? segments.slice(index).join(' | ') : (segments[index] ?? '');
    } else if (arg.kind === 'rest') {
      value = remaining;
      remaining = '';
    } else {
      const [word = ''] = remaining.split(/\s+/, 1);
      value = word;
      remaining = remaining.slice(word.length).trim();
    }
    value = value.trim();
    if (value) raw[arg.name] = value;
    else if (!arg.optional) throw new RelaisError('usage', 'errors.missingArgument', { arg: t(arg.label) });
  });
  // A `rest` argument takes every segment left, `|` included.
  const rest = sub.args.some((arg) => arg.kind === 'rest');
  const extra = sub.syntax === 'pipes' ? !rest && segments.slice(sub.args.length).filter(Boolean).length > 0 : remaining.length > 0;
  if (extra) throw new RelaisError('usage', 'errors.tooManyArguments');
  return raw;
}

/** A zod issue message that is a validation key (`validation.…`, or a topic's `….validation.…`) becomes the localized reason; anything else a generic one. */
export function invalidArgument(argText: string, issueMessage: string, t: Translate): RelaisError {
  const reason = /^(?:[a-z]+\.)?validation\./i.test(issueMessage) ? t(issueMessage as MessageKey) : t('validation.invalid');
  return new RelaisError('invalid_argument', 'errors.invalidArgument', { arg: argText, reason }, issueMessage);
}

/** Validates with the subcommand's zod schema; the first problem becomes a localized message. */
export function validateArguments(sub: SubcommandDecl, raw: Record<string, unknown>, t: Translate): unknown {
  const result = sub.schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const argName = String(issue.path[0] ?? '');
  const arg = sub.args.find((candidate) => candidate.name === argName);
  throw invalidArgument(arg ? t(arg.label) : argName, issue.message, t);
}
