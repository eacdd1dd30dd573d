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

  it('previews a meetup, publishes it with the preview’s button, and a number answers the announcement', async () => {
    const { code, stdout } = await runConsole('/meetup create Apéro | 5 décembre 2099 à 18h30 | Mairie | 10\n1\n4\n/meetup show 1\n', { RELAIS_LOCALE: 'en' });
    expect(code).toBe(0);
    expect(stdout).toContain('┃ Preview — 📅 Apéro\nThis is the announcement as it will appear in this channel.');
    expect(stdout).toContain('When: Saturday, December 5, 2099, 6:30 PM (Paris time)');
    expect(stdout).toContain('[1] ✅ Publish   [2] ✏️ Change   [3] 🗑 Discard');
    expect(stdout).toContain('Meetup #1 published; its announcement is on its way to this channel.');
    expect(stdout).toContain('[4] ✅ Going   [5] 🤔 Maybe   [6] ❌ Can’t go');
    expect(stdout).toContain('Noted: you are going to meetup #1.');
    expect(stdout).toContain('Seats: 1 / 10');
  });

  it('reads the date as the README says, and refuses an impossible one with a reason', async () => {
    const { code, stdout } = await runConsole('/meetup create Atelier | 14 janvier 2027 de 9h à 17h | Rennes\n1\n/meetup create Test | 31 février 2027 10h | Quimper\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Quand : jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)');
    expect(stdout).toContain('Rencontre n°1 publiée ; son annonce part dans ce salon.');
    expect(stdout).toMatch(/— message 1\n┃ 📅 Atelier\nQuand : jeudi 14 janvier 2027, 9 h – 17 h \(heure de Paris\)/);
    expect(stdout).toContain('> /meetup create Test | 31 février 2027 10h | Quimper\nLe 31 février n’existe pas.');
  });

  it('stops with one message listing every configuration problem', async () => {
    const { code, stderr } = await runConsole('', { PORT: 'x', RELAIS_LOCALE: 'de' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration:\n {2}- RELAIS_LOCALE: .+\n {2}- PORT: .+/);
  });
});
