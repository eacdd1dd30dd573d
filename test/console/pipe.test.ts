import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `npm start` exactly as a user would, with commands piped in. */
function runConsole(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-console-'));
    const child = spawn('npm', ['start', '--silent'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${join(dir, 'relais.db')}`, PORT: '0', USER: 'camille', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('console adapter through a pipe', () => {
  it('answers the README example and exits 0 at the end of input', async () => {
    const { code, stdout, stderr } = await runConsole('/tip add Use the shared calendar #outils\n/tip search calendar\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Astuce n°1 enregistrée. Étiquettes : #outils');
    expect(stdout).toMatch(/Astuces pour « calendar »\n• #1 Use the shared calendar — camille/);
  });

  it('shows announcements with numbered buttons, and a number presses one', async () => {
    const { code, stdout } = await runConsole('/meetup create Apéro | 5 décembre 2099 à 18h30 | Mairie | 10\n1\n/meetup show 1\n', { RELAIS_LOCALE: 'en' });
    expect(code).toBe(0);
    expect(stdout).toContain('[1] ✅ Going   [2] 🤔 Maybe   [3] ❌ Can’t go');
    expect(stdout).toContain('Noted: you are going to meetup #1.');
    expect(stdout).toContain('Seats: 1 / 10');
  });

  it('stops with one message listing every configuration problem', async () => {
    const { code, stderr } = await runConsole('', { PORT: 'x', RELAIS_LOCALE: 'de' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration:\n {2}- RELAIS_LOCALE: .+\n {2}- PORT: .+/);
  });
});
