import type { CliCommand } from './command.ts';
import { commandReference } from '../interactions/reference.ts';
import { commands } from '../interactions/registry.ts';

/** `relais commands`: the command reference as a Markdown table, the one in the README. */
export const commandsCommand: CliCommand = {
  help: 'print the chat command reference (Markdown)',
  async handler() {
    process.stdout.write(`${commandReference(commands)}\n`);
    return 0;
  },
};
