import { commands } from '../commands/index.ts';
import { commandReference } from '../commands/reference.ts';
import type { CliCommand } from '../cli.ts';

/** `relais commands`: the command reference as a Markdown table, the one in the README. */
export const commandsCommand: CliCommand = {
  help: 'print the chat command reference (Markdown)',
  async handler() {
    process.stdout.write(`${commandReference(commands)}\n`);
    return 0;
  },
};
