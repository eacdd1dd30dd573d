#!/usr/bin/env node
// `relais` command (package.json "bin"): runs src/cli.ts through tsx's loader, in this process,
// from wherever it is called.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
