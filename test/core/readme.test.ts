import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configVariables } from '../../src/config.ts';
import { generatedFiles } from '../../src/cli/generate.ts';
import { configParts } from '../../src/main.ts';

const readme = readFileSync('README.md', 'utf8');

describe('generated files and the README', () => {
  it.each(generatedFiles(readme).map((file) => [file.path, file.content]))('%s is current (npx relais generate rewrites it)', (path, content) => {
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('documents every configuration variable, the platforms\' included', () => {
    const undocumented = configVariables(configParts()).filter((name) => !readme.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
