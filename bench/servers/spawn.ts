import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface Server {
  child: ChildProcess;
  /** ms from spawn to the ready line. */
  readyMs: number;
  port: number;
  /** Resident set size now, in MiB (Linux /proc). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Runs an entry point (compiled JavaScript with node, TypeScript with node --import tsx) in one process until `ready` matches its stdout. */
export async function startServer(entry: string, env: Record<string, string>, ready: RegExp, port: (out: string) => number): Promise<Server> {
  const started = process.hrtime.bigint();
  const args = entry.endsWith('.js') ? [entry] : ['--import', 'tsx', entry];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  // Relais logs (pino) go to stderr: the ready line may come on either stream.
  const check = () => {
    if (!ready.test(out + err)) return false;
    onReady?.();
    return true;
  };
  let onReady: (() => void) | undefined;
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    check();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready within 60 s: ${err.slice(-2000)}`)), 60_000);
    onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      check();
    });
    check();
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${err.slice(-2000)}`));
    });
  });
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    child,
    readyMs,
    port: port(out + err),
    rssMiB: () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const portLine = (out: string) => Number(/\{"port":(\d+)\}/.exec(out)?.[1]);
export const portFromReadyLog = (out: string) => Number(/"port":(\d+),"engine"/.exec(out)?.[1]);
