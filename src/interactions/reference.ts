import { translator } from '../i18n/translate.ts';
import type { Access, CommandDecl } from './declare.ts';
import { usageLine } from './usage.ts';

const en = translator('en');
const fr = translator('fr');

const whoNames = {
  anyone: 'everyone',
  channel: "the channel's moderators",
  organizer: 'organizer',
  moderator: 'moderator',
  admin: 'admin',
  owner: 'its author or organizer, or a moderator',
} as const;

/** "organizer of the meetup's network; admin to …": what the pipeline enforces, in words. */
export function whoMayDo(access: Access<never>): string {
  const base = whoNames[access.permission];
  const ofTarget = access.target === 'network' ? ' (of that network; admin to create one)' : ` (of the ${access.target}'s network)`;
  const where = access.target && access.permission !== 'owner' && access.permission !== 'anyone' && access.permission !== 'channel' ? ofTarget : '';
  const stricter = (access.stricter ?? []).map((rule) => `; ${whoNames[rule.permission]} ${en(rule.doc)}`).join('');
  return `${base}${where}${stricter}`;
}

/** The README's command reference, generated from the declarations so it cannot drift. */
export function commandReference(commands: CommandDecl[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = commands.flatMap((command) =>
    command.subcommands.map((sub) => {
      const others = [...(sub.aliases ?? []), ...(command.aliases ?? []).map((alias) => `/${alias} ${sub.name}`)];
      const aliases = others.length ? ` (also: ${others.join(', ')})` : '';
      return `| \`${cell(usageLine('/', command, sub, en))}\`${aliases} | ${cell(en(sub.help))} | ${cell(fr(sub.help))} | ${cell(whoMayDo(sub as Access<never>))} |`;
    }),
  );
  return ['| Command | What it does | En français | Who |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
