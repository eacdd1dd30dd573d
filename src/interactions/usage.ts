import type { Translate } from '../i18n/translate.ts';
import type { CommandDecl, SubcommandDecl } from './declare.ts';

/** "/tip add <texte> [#tags]", generated from the declaration in the reader's language. */
export function usageLine(prefix: string, command: CommandDecl, sub: SubcommandDecl, t: Translate): string {
  const separator = sub.syntax === 'pipes' ? ' | ' : ' ';
  const args = sub.args.map((arg) => (arg.optional ? `[${t(arg.label)}]` : `<${t(arg.label)}>`)).join(separator);
  return [`${prefix}${command.name}`, sub.name, args].filter(Boolean).join(' ');
}
