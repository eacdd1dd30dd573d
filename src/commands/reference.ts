import { translator } from '../i18n/translate.ts';
import type { CommandDef } from './define-command.ts';
import { usageLine } from './usage.ts';

const roleNames = { anyone: 'everyone', owner: 'author/organizer or moderator', organizer: 'organizer', moderator: 'moderator', admin: 'admin' } as const;

/** The README's command reference, generated from the declarations so it cannot drift. */
export function commandReference(commands: CommandDef[]): string {
  const en = translator('en');
  const fr = translator('fr');
  const rows = commands.flatMap((command) =>
    command.subcommands.map((sub) => {
      const aliases = sub.aliases?.length ? ` (also: ${sub.aliases.join(', ')})` : '';
      const cell = (text: string) => text.replace(/\|/g, '\\|');
      return `| \`${cell(usageLine('/', command, sub, en))}\`${aliases} | ${cell(en(sub.help))} | ${cell(fr(sub.help))} | ${roleNames[sub.permission]} |`;
    }),
  );
  return ['| Command | What it does | En français | Who |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
