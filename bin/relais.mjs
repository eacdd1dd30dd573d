#!/usr/bin/env node
// `relais` command (package.json "bin"): runs the compiled CLI (dist/, built by `npm install`
// and `npm run build`), in this process, from wherever it is called.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(`relais: ${fileURLToPath(cli)} is missing: run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}\n`);
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
