import type { Card, Reply } from '../../core/card.ts';
import { RelaisError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { looksUnavailable } from '../../db/errors.ts';
import { translator, type Translate } from '../../i18n/translate.ts';
import type { CommandDecl } from '../declare.ts';
import { usageLine } from '../usage.ts';

/**
 * Every failure becomes a RelaisError with a user message. Unexpected ones are logged with their
 * stack (for operators) and shown to users only as a generic, localized sentence.
 */
export function toRelaisError(error: unknown, logger: Logger, context: Record<string, unknown>): RelaisError {
  if (error instanceof RelaisError) {
    if (error.code === 'internal') logger.error({ err: error, ...context }, 'gesture failed');
    return error;
  }
  if (looksUnavailable(error)) {
    logger.warn({ err: error, ...context }, 'database unavailable');
    return new RelaisError('unavailable', 'errors.unavailable');
  }
  logger.error({ err: error, ...context }, 'gesture failed unexpectedly');
  return new RelaisError('internal', 'errors.internal');
}

/** The reply to a failure: what went wrong, and — when it is about what the person typed — how to type it. */
export function errorReply(error: RelaisError, locale: string, usage: string[] | undefined): Reply {
  const t = translator(locale);
  // The usage line helps with what the person typed; an outage or a bug is not their syntax.
  const aboutInput = !['unavailable', 'internal'].includes(error.code);
  const card: Card = {
    locale,
    tone: 'error',
    body: [[t(error.userMessage, error.params)]],
    ...(aboutInput && usage?.length ? { footer: [`${t('help.usage')} ${usage.join(' · ')}`] } : {}),
  };
  return { visibility: 'ephemeral', card };
}

/** The help card: every command, or one command's subcommands, with generated usage. */
export function helpCard(commands: CommandDecl[], options: { t: Translate; locale: string; prefix: string }, only?: CommandDecl): Card {
  const { t, locale, prefix } = options;
  const shown = only ? [only] : commands;
  return {
    locale,
    header: [only ? t('help.commandTitle', { command: `${prefix}${only.name}` }) : t('help.title')],
    body: only
      ? [[t(only.help)], ...(only.aliases?.length ? [[t('help.alsoNamed', { names: only.aliases.map((name) => `${prefix}${name}`).join(', ') })]] : [])]
      : [[t('help.intro')]],
    items: shown.flatMap((command) => command.subcommands.map((sub) => [{ code: usageLine(prefix, command, sub, t) }, ` — ${t(sub.help)}`])),
  };
}

/** What to say when the database is down and even the channel's language cannot be read. */
export function unavailableCard(locale: string): Card {
  return { locale, tone: 'error', body: [[translator(locale)('errors.unavailable')]] };
}
