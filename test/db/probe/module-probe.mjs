// `node --import ./test/db/probe/module-probe.mjs ...`: appends every module the process loads
// to the file named by RELAIS_MODULE_PROBE, one per line: ES modules as their resolved URL (a
// resolve hook, which sees static and dynamic imports), CommonJS ones from require.cache at exit.
import fs from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.RELAIS_MODULE_PROBE;
if (!out) throw new Error('RELAIS_MODULE_PROBE must name the file to write to');
register('./module-probe-hooks.mjs', import.meta.url, { data: { out } });
const require = createRequire(import.meta.url);
process.on('exit', () => fs.appendFileSync(out, Object.keys(require.cache).map((file) => `require ${file}\n`).join('')));
