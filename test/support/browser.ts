// The Chromium every browser test launches: the system's when there is one (Debian's /usr/bin/chromium, or chromium
// on PATH), else the build npm installed with @sparticuz/chromium. No browser is a failure, never a skipped test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const ourArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
// @sparticuz/chromium's flags, less those that would make its browser laxer than a user's about what a page may load,
// and --single-process (made for AWS Lambda), under which closing a browser context kills the whole browser.
const unwanted = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

function systemChromium(): string | undefined {
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)];
  return dirs.map((dir) => path.join(dir, 'chromium')).find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The npm build ships brotli archives that executablePath() unpacks (about 200 MB) into os.tmpdir(), where it is then
 * taken as done even if half written. Unpacked instead once per version into node_modules/.cache: by a child process
 * whose TMPDIR is a fresh folder, renamed into place when complete, so concurrent runs never see a partial browser.
 */
async function npmChromium(): Promise<{ executablePath: string; args: string[] }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const cache = path.join(root, 'node_modules', '.cache');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@sparticuz/chromium/package.json'), 'utf8')) as { version: string };
  const target = path.join(cache, `sparticuz-chromium-${version}`);
  if (!fs.existsSync(path.join(target, 'chromium'))) {
    fs.mkdirSync(cache, { recursive: true });
    const staging = fs.mkdtempSync(path.join(cache, 'sparticuz-chromium-unpacking-'));
    try {
      const unpack = "const { default: c } = await import('@sparticuz/chromium'); await c.executablePath();";
      execFileSync(process.execPath, ['--input-type=module', '-e', unpack], { cwd: root, env: { ...process.env, TMPDIR: staging }, stdio: ['ignore', 'ignore', 'pipe'] });
      fs.renameSync(staging, target);
    } catch (e) {
      fs.rmSync(staging, { recursive: true, force: true });
      // Another run finished the same unpacking first: its copy is as good.
      if (!fs.existsSync(path.join(target, 'chromium'))) throw e;
    }
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return { executablePath: path.join(target, 'chromium'), args: sparticuz.args.filter((arg) => !unwanted.has(arg)) };
}

/** Launches headless Chromium for a test; throws, with what to install, when there is none. */
export async function launchChromium(): Promise<Browser> {
  const system = systemChromium();
  if (system) return chromium.launch({ executablePath: system, args: ourArgs });
  let npm: { executablePath: string; args: string[] };
  try {
    npm = await npmChromium();
  } catch (e) {
    throw new Error(`No Chromium for the browser tests: none at /usr/bin/chromium or on PATH, and @sparticuz/chromium (installed by npm) could not be unpacked (${(e as Error).message}). Run npm install, or apt-get install -y chromium.`);
  }
  return chromium.launch({ executablePath: npm.executablePath, args: [...npm.args, ...ourArgs] });
}
