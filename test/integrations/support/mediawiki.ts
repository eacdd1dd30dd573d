/**
 * A real MediaWiki for a test suite: Debian's `mediawiki` package installed into a temporary
 * directory on SQLite (maintenance/install.php), a bot account with a bot password
 * (createAndPromote.php, createBotPassword.php), a person's account, and PHP's built-in server on
 * 127.0.0.1 behind a router that points MW_CONFIG_FILE at the temporary LocalSettings.php.
 * Needs `mediawiki php-cli php-sqlite3 php-intl php-mbstring php-xml` (.ci/run installs them).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MEDIAWIKI = '/usr/share/mediawiki';
export const BOT = 'RelaisBot';
/** The person whose edits Relais must respect. */
export const PERSON = 'Alice';

export interface ParsedPage {
  html: string;
  categories: string[];
  templates: string[];
  links: string[];
  externalLinks: string[];
}

export interface Revision {
  revid: number;
  user: string;
  comment: string;
  bot: boolean;
  content: string;
}

export interface TestWiki {
  apiUrl: string;
  /** RELAIS_WIKI_* for this wiki. */
  env: Record<string, string>;
  /** Every revision of a page, oldest first ([] when it does not exist). */
  history(title: string): Promise<Revision[]>;
  /** The latest text of a page, or undefined. */
  text(title: string): Promise<string | undefined>;
  /** The page as readers get it, through action=parse. */
  parse(title: string): Promise<ParsedPage>;
  /** An edit by a person, through MediaWiki's own maintenance/edit.php. */
  editAsPerson(title: string, text: string): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function php(script: string, args: string[], input?: string): Promise<string> {
  const child = execFile('php', [path.join(MEDIAWIKI, 'maintenance', script), ...args], { encoding: 'utf8' });
  const output = new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${script} exited with ${code}: ${stderr}${stdout}`))));
  });
  child.stdin!.end(input ?? '');
  return output;
}

async function waitForApi(apiUrl: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (server.exitCode !== null) throw new Error(`php -S exited with ${server.exitCode}`);
    const answer = await fetch(`${apiUrl}?action=query&meta=siteinfo&format=json`).catch(() => undefined);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the test wiki did not answer within 10 s');
}

export interface WikiOptions {
  /** The wiki's content language. */
  lang?: 'fr' | 'en';
  /** PHP lines appended to LocalSettings.php (rate limits…). */
  settings?: string;
}

/** Installs and serves a wiki; `stop()` stops the server and deletes everything. */
export async function startWiki(options: WikiOptions = {}): Promise<TestWiki> {
  if (!fs.existsSync(path.join(MEDIAWIKI, 'maintenance', 'install.php'))) {
    throw new Error('MediaWiki is not installed: apt-get install mediawiki php-cli php-sqlite3 php-intl php-mbstring php-xml (as .ci/run does)');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-wiki-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const conf = path.join(dir, 'LocalSettings.php');
  await php('install.php', [
    '--dbtype', 'sqlite', '--dbpath', path.join(dir, 'db'), '--dbname', 'wiki', '--confpath', dir, '--server', origin, '--scriptpath', '',
    '--lang', options.lang ?? 'fr', '--pass', 'Admin-password-for-tests-1', '--skins', '', 'RelaisTest', 'Admin',
  ]);
  fs.appendFileSync(conf, `\n${options.settings ?? ''}\n`);
  await php('createAndPromote.php', ['--conf', conf, '--bot', BOT, 'Bot-account-password-1']);
  const created = await php('createBotPassword.php', ['--conf', conf, '--grants', 'basic,highvolume,editpage,createeditmovepage', '--appid', 'relais', BOT]);
  const password = /password:'([^']+)'/.exec(created)?.[1];
  if (!password) throw new Error(`createBotPassword.php gave no password: ${created}`);
  await php('createAndPromote.php', ['--conf', conf, PERSON, 'Person-password-for-tests-1']);

  const router = path.join(dir, 'router.php');
  fs.writeFileSync(router, `<?php
define('MW_CONFIG_FILE', ${JSON.stringify(conf)});
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (in_array($path, ['/api.php', '/index.php', '/load.php'], true)) {
  chdir(${JSON.stringify(MEDIAWIKI)});
  require ${JSON.stringify(MEDIAWIKI)} . $path;
  return true;
}
return false;
`);
  const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', MEDIAWIKI, router], { stdio: 'ignore' });
  const apiUrl = `${origin}/api.php`;
  const api = async (params: Record<string, string>) => {
    const answer = await fetch(`${apiUrl}?${new URLSearchParams({ format: 'json', formatversion: '2', ...params })}`);
    const body = (await answer.json()) as { error?: { info: string } } & Record<string, unknown>;
    if (body.error) throw new Error(`test wiki: ${body.error.info}`);
    return body as Record<string, any>;
  };
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForApi(apiUrl, server);
  } catch (error) {
    await stop();
    throw error;
  }

  const history = async (title: string): Promise<Revision[]> => {
    const answer = await api({ action: 'query', prop: 'revisions', titles: title, rvprop: 'ids|user|comment|flags|content|tags', rvslots: 'main', rvlimit: 'max', rvdir: 'newer' });
    const page = answer.query.pages[0];
    if (page.missing) return [];
    const changes = await api({ action: 'query', list: 'recentchanges', rctitle: title, rcprop: 'ids|flags', rclimit: 'max' });
    const bots = new Set((changes.query.recentchanges as { revid: number; bot: boolean }[]).filter((change) => change.bot).map((change) => change.revid));
    return (page.revisions as { revid: number; user: string; comment: string; slots: { main: { content: string } } }[]).map((revision) => ({
      revid: revision.revid, user: revision.user, comment: revision.comment, bot: bots.has(revision.revid), content: revision.slots.main.content,
    }));
  };
  return {
    apiUrl,
    env: { RELAIS_WIKI_API_URL: apiUrl, RELAIS_WIKI_USER: `${BOT}@relais`, RELAIS_WIKI_PASSWORD: password },
    history,
    text: async (title) => (await history(title)).at(-1)?.content,
    async parse(title) {
      const { parse } = await api({ action: 'parse', page: title, prop: 'text|categories|templates|links|externallinks', disablelimitreport: '1', disableeditsection: '1' });
      return {
        html: parse.text,
        categories: (parse.categories as { category: string }[]).map((entry) => entry.category),
        templates: (parse.templates as { title: string }[]).map((entry) => entry.title),
        links: (parse.links as { title: string }[]).map((entry) => entry.title),
        externalLinks: parse.externallinks as string[],
      };
    },
    async editAsPerson(title, text) {
      await php('edit.php', ['--conf', conf, '--user', PERSON, '--summary', 'correction à la main', title], text);
    },
    stop,
  };
}
