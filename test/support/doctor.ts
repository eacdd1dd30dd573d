import { vi } from 'vitest';
import { main } from '../../src/cli.ts';

/** Runs `relais doctor` as the command line does, in English unless told; its exit code and the lines it printed. */
export async function doctor(env: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  const output: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.push(String(chunk));
    return true;
  });
  try {
    const code = await main(['doctor'], { RELAIS_LOCALE: 'en', ...env });
    return { code, lines: output.join('').split('\n').filter(Boolean) };
  } finally {
    write.mockRestore();
  }
}
