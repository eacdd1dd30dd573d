/**
 * `npm start` and `npx relais` run the JavaScript compiled into dist/ (the build `npm install`
 * and `npm start` run): the console chat answers, the CLI works, and the process loads no
 * TypeScript, no loader, and nothing the configuration does not use (a loader hook lists what it loads).
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../db/run-prisma.ts';

const probe = path.join(root, 'test/db/probe/module-probe.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-compiled-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `node [args]` under the module probe, `input` on stdin: exit code, output and the modules loaded. */
function node(args: string[], input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  const out = path.join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', probe, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, RELAIS_MODULE_PROBE: out, PORT: '0', ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, modules: fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').filter(Boolean) : [] }));
    child.stdin.end(input);
  });
}

/** What only a TypeScript run, or a configuration asking for them, would load. */
const unwanted = [/\.ts$/, /node_modules\/(tsx|typescript|esbuild)\//, /node_modules\/(@slack|matrix-bot-sdk|mwn|diff|pg|@prisma\/adapter-pg)\//];

describe('the compiled start', () => {
  beforeAll(async () => {
    await promisify(execFile)('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: root, timeout: 120_000 });
  }, 150_000);

  it('npm start (node dist/src/main.js) answers the console chat, loading only what it uses', async () => {
    const { code, stdout, modules } = await node(['dist/src/main.js'], '/tip add Use the shared calendar #outils\n/tip search calendar\n', { DATABASE_URL: `file:${path.join(dir, 'start.db')}` });
    expect(code).toBe(0);
    expect(stdout).toContain('Astuce n°1 enregistrée');
    expect(stdout).toMatch(/#1 Use the shared calendar/);
    expect(modules.some((module) => module.includes('/dist/src/db/migrations.js'))).toBe(true);
    expect(modules.some((module) => module.includes('@prisma/adapter-better-sqlite3'))).toBe(true);
    expect(modules.filter((module) => unwanted.some((pattern) => pattern.test(module)))).toEqual([]);
  });

  it('npx relais (bin/relais.mjs) runs the compiled command line', async () => {
    const { code, stdout, modules } = await node(['bin/relais.mjs', 'migrate', 'status'], '', { DATABASE_URL: `file:${path.join(dir, 'start.db')}` });
    expect(stdout).toMatch(/^\d+ migration\(s\) for sqlite at file:.*start\.db\nDatabase schema is up to date\.\n$/);
    expect(code).toBe(0);
    expect(modules.filter((module) => unwanted.some((pattern) => pattern.test(module)))).toEqual([]);
  });
});
