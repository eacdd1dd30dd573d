import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.ts';
import { commandReference } from '../../src/commands/reference.ts';
import { configSchema } from '../../src/config.ts';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('holds the command reference generated from the declarations', () => {
    expect(readme).toContain(commandReference(commands));
  });

  it('documents every configuration variable', () => {
    const undocumented = Object.keys(configSchema.shape).filter((name) => !readme.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
