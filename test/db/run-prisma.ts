// The Prisma CLI itself (offline, through the WASM engine bridge), as a developer runs it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const root = path.resolve(import.meta.dirname, '../..');
export const run = promisify(execFile);

/** `npx prisma <args>` on DATABASE_URL=url: its exit code and everything it printed. */
export async function prisma(url: string, args: string[]): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, CI: '1' };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY; // prisma.config.ts must set it by itself
  try {
    const { stdout, stderr } = await run('npx', ['prisma', ...args], { cwd: root, env, timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}
