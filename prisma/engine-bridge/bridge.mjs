#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the CLI would download (impossible
// offline). prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The CLI runs
//   bridge.mjs --datamodels <file>... --datasource '{"url":...,"shadowDatabaseUrl":...}'
// and speaks line-delimited JSON-RPC 2.0 on stdin/stdout; logs go to stderr as JSON lines.
import fs from 'node:fs';
import readline from 'node:readline';
import { openEngine, wasmVersion, takePanicMessage, canConnect, createDatabase, dropDatabase } from './engine.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-V')) {
  process.stdout.write(`schema-engine-cli ${wasmVersion()} (wasm bridge)\n`);
  process.exit(0);
}

const datamodelFiles = [];
let datasource = {};
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--datamodels') while (argv[i + 1] && !argv[i + 1].startsWith('--')) datamodelFiles.push(argv[++i]);
  else if (argv[i] === '--datasource') datasource = JSON.parse(argv[++i] ?? '{}');
}
const datamodels = datamodelFiles.map((f) => [f, fs.readFileSync(f, 'utf8')]);

const send = (msg) => process.stdout.write(JSON.stringify(msg) + '\n');
// The CLI reads stderr lines as JSON {level, fields:{message}}; ERROR lines become its error text.
const log = (line) => process.stderr.write(String(line).trimEnd() + '\n');

let enginePromise;
const getEngine = () => {
  if (!datasource.url) throw Object.assign(new Error('No datasource url given to the schema engine (set datasource.url in prisma.config.ts).'), { code: 'P1012' });
  enginePromise ??= openEngine({ url: datasource.url, shadowDatabaseUrl: datasource.shadowDatabaseUrl, datamodels, log });
  return enginePromise;
};

/** The native engine's error shape, which the CLI turns into its messages (and P-codes). */
function toRpcError(e) {
  const panic = e instanceof WebAssembly.RuntimeError;
  const message = (panic && takePanicMessage()) || e?.message || String(e);
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: panic
      ? { is_panic: true, message, backtrace: e.stack ?? null, error: { message } }
      : { is_panic: false, message, meta: e?.meta ?? null, error_code: typeof e?.code === 'string' ? e.code : undefined },
  };
}

let current; // id of the request being handled, to answer it if the engine panics
// A WASM panic traps inside a callback, outside the request's promise: answer it as a panic and
// exit, since the instance is unusable afterwards (101 is the native engine's panic exit code).
process.on('uncaughtException', (e) => {
  log(JSON.stringify({ level: 'ERROR', fields: { message: takePanicMessage() ?? e?.message ?? String(e) } }));
  if (current !== undefined) send({ jsonrpc: '2.0', id: current, error: toRpcError(e) });
  process.exitCode = 101;
  process.stdout.write('', () => process.exit(101));
});

async function handle(req) {
  if (req.id === undefined || req.method === undefined) return; // a notification, or the CLI's ack of a print
  current = req.id;
  try {
    const engine = await getEngine();
    const fn = engine[req.method];
    if (typeof fn !== 'function' || req.method === 'close') {
      send({ jsonrpc: '2.0', id: req.id, error: { code: -32601, message: `Method not found: ${req.method}` } });
      return;
    }
    const result = await fn(req.params ?? {});
    // The native engine prints diff output through a `print` request to the CLI (which captures
    // it for --output) and answers stdout: null; the WASM engine returns it instead.
    if (req.method === 'diff' && typeof result?.stdout === 'string') {
      send({ jsonrpc: '2.0', id: `print-${req.id}`, method: 'print', params: { content: result.stdout.replace(/\n$/, '') } });
      result.stdout = null;
    }
    send({ jsonrpc: '2.0', id: req.id, result: result ?? {} });
  } catch (e) {
    log(JSON.stringify({ level: 'ERROR', fields: { message: e?.message ?? String(e) } }));
    send({ jsonrpc: '2.0', id: req.id, error: toRpcError(e) });
  }
}

function serve() {
  // One request at a time, in order: the engine is not re-entrant.
  let queue = Promise.resolve();
  readline
    .createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on('line', (line) => {
      if (!line.trim()) return;
      let req;
      try {
        req = JSON.parse(line);
      } catch {
        send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
        return;
      }
      queue = queue.then(() => handle(req));
    })
    .on('close', () => {
      // The CLI ends stdin when done: release the database, then exit.
      queue
        .then(async () => (enginePromise ? (await enginePromise).close() : undefined))
        .catch(() => {})
        .finally(() => process.exit(0));
    });
}

// One-shot mode: `--datasource <json> cli <command>`, used by the CLI to check/create databases.
// Failure: exit 1 with stderr = one ignored line, then JSON log lines (no trailing newline),
// the error as {level:"ERROR", target:"schema_engine::logger", fields:{error_code, message}}.
const cliAt = argv.indexOf('cli');
if (cliAt >= 0) {
  const commands = { 'can-connect-to-database': canConnect, 'create-database': createDatabase, 'drop-database': dropDatabase };
  const command = commands[argv[cliAt + 1]];
  try {
    if (!command) throw new Error(`Unknown cli command: ${argv[cliAt + 1]}`);
    await command(datasource.url);
    process.exit(0);
  } catch (e) {
    const fields = { message: e?.message ?? String(e), ...(typeof e?.code === 'string' ? { error_code: e.code } : {}) };
    process.stderr.write('\n' + JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields }), () => process.exit(1));
  }
} else {
  serve();
}
