import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const chatSdks = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](@slack\/[^'"]+|matrix-bot-sdk|@matrix-org\/[^'"]+)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('platform-neutral core', () => {
  it('never imports a chat SDK from src/', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => chatSdks.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('recognises an SDK import when one is written', () => {
    expect(chatSdks.test(`import { App } from '@slack/bolt';`)).toBe(true);
    expect(chatSdks.test(`const sdk = await import("matrix-bot-sdk")`)).toBe(true);
    expect(chatSdks.test(`import { plainText } from './core/plain-text.ts';`)).toBe(false);
  });
});
