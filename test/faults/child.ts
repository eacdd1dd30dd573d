import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'relais-process.ts');

export interface RelaisProcess {
  child: ChildProcess;
  port: number;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all, as after a crash or the OOM killer. */
  kill(): Promise<void>;
}

/**
 * Starts test/faults/relais-process.ts with `env` added to this environment; resolves once it listens.
 * FAULT_DEBUG_LOG=<file> (with LOG_LEVEL=debug in `env`) appends every child's log to that file, to see why a fault test waits.
 */
export async function spawnRelais(env: Record<string, string>): Promise<RelaisProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (process.env.FAULT_DEBUG_LOG) child.stdout!.on('data', (chunk: Buffer) => appendFileSync(process.env.FAULT_DEBUG_LOG!, chunk));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Relais did not start within 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /\{"port":(\d+)\}/.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(Number(line[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Relais exited with ${code}: ${stderr}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, port, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
