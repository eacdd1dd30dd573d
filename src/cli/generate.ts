import { readFileSync, writeFileSync } from 'node:fs';
import type { CliCommand } from './command.ts';
import { loadConfig } from '../config.ts';
import { commandReference } from '../interactions/reference.ts';
import { commands, Interactions } from '../interactions/registry.ts';
import { platforms } from '../main.ts';

const TABLE = /^\| Command \| What it does \|.*\n(?:\|.*\n)*/m;

/** What is generated from the declarations: the README's command reference and each platform's files (Slack's manifest). */
export function generatedFiles(readme: string): Array<{ path: string; content: string }> {
  const declarations = new Interactions(loadConfig({})).declarations();
  return [
    { path: 'README.md', content: readme.replace(TABLE, `${commandReference(commands)}\n`) },
    ...platforms.flatMap((module) => module.artifacts?.(declarations) ?? []),
  ];
}

/** `relais generate`: rewrites those files, run from the project's root after changing a declaration. */
export const generateCommand: CliCommand = {
  help: 'rewrite what is generated from the declarations (README command reference, Slack manifest)',
  async handler() {
    for (const file of generatedFiles(readFileSync('README.md', 'utf8'))) {
      writeFileSync(file.path, file.content);
      process.stdout.write(`wrote ${file.path}\n`);
    }
    return 0;
  },
};
