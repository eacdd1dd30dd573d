// `relais <command> [args]`: the admin command line. Add a command by adding an entry to
// `commands`; each handler gets the remaining arguments and returns an exit code.
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import type { CliCommand } from './cli/command.ts';
import { commandsCommand } from './cli/commands.ts';
import { doctorCommand } from './cli/doctor.ts';
import { exportCommand } from './cli/export.ts';
import { generateCommand } from './cli/generate.ts';
import { migrateCommand } from './cli/migrate.ts';
import { participantsCommand } from './cli/participants.ts';
import { publishCommand } from './cli/publish.ts';
import { summaryCommand } from './cli/summary.ts';


export const commands: Record<string, CliCommand> = {
  doctor: doctorCommand,
  migrate: migrateCommand,
  export: exportCommand,
  publish: publishCommand,
  summary: summaryCommand,
  participants: participantsCommand,
  commands: commandsCommand,
  generate: generateCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.help}`);
  return `Usage: relais <command> [args]\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  try {
    return await command.handler(rest, env);
  } catch (error) {
    process.stderr.write(`relais ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// `tsx src/cli.ts …` (npm run relais) runs it directly; bin/relais.mjs imports main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
