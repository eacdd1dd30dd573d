/**
 * Every subcommand's parser against 10,000 generated lines: it either accepts the line or rejects
 * it with a localized usage message (never a crash, never a raw key or placeholder).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { commands } from '../../src/interactions/registry.ts';
import { pickSubcommand, splitArguments, validateArguments } from '../../src/interactions/parse.ts';
import { usageLine } from '../../src/interactions/usage.ts';
import { RelaisError } from '../../src/core/errors.ts';
import { translator, type Locale } from '../../src/i18n/translate.ts';
import { hostileText } from './corpus.ts';

const RUNS = 10_000;
const locales: Locale[] = ['fr', 'en'];
const subcommands = commands.flatMap((command) => command.subcommands.map((sub) => [`${command.name} ${sub.name}`, command, sub] as const));

/** A message people can read: translated (not the key), placeholders filled, nothing of JavaScript's. */
function isReadable(text: string, key: string): boolean {
  return text !== key && !/\{\w+\}|undefined|\[object |NaN/.test(text) && text.trim().length > 3;
}

describe('command parsers under generated input', () => {
  it.each(subcommands)('%s', { timeout: 120_000 }, (_name, command, sub) => {
    const names = [sub.name, ...(sub.aliases ?? [])];
    fc.assert(
      fc.property(fc.constantFrom(...names), hostileText, fc.constantFrom(...locales), (name, rest, locale) => {
        const t = translator(locale);
        const picked = pickSubcommand(command, `${name} ${rest}`);
        // "/tip add help": the help, never a tip named "help".
        if (picked === 'help') return /^\s*(help|aide|\?)(\s|$)/i.test(rest) || sub.name === 'help';
        if (picked.sub !== sub) return false;
        try {
          validateArguments(sub, splitArguments(sub, picked.rest, t), t);
          return true;
        } catch (error) {
          // Plain checks rather than expect(): 10,000 runs a subcommand, and the counterexample says what failed.
          return error instanceof RelaisError && ['usage', 'invalid_argument'].includes(error.code)
            && isReadable(t(error.userMessage, error.params), error.userMessage) && isReadable(usageLine('/', command, sub, t), sub.name);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.each(commands.map((command) => [command.name, command] as const))('/%s picks a subcommand or none, whatever the first word', (_name, command) => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const picked = pickSubcommand(command, text);
        return picked !== 'help' ? command.subcommands.includes(picked.sub) : true;
      }),
      { numRuns: RUNS },
    );
  });
});
