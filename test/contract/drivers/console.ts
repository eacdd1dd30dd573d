import { PassThrough } from 'node:stream';
import { consolePlatform } from '../../../adapters/console/index.ts';
import { startRelais } from '../../../src/main.ts';
import { waitUntil } from '../../faults/wait.ts';
import type { ContractDriver } from '../driver.ts';

/** The console chat, through its input and output streams: one user, the machine's operator (an administrator). */
export async function consoleDriver(url: string): Promise<ContractDriver> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  let lastAnswer = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const running = await startRelais({
    env: { DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', RELAIS_CONSOLE_USER: 'operator' },
    platforms: [consolePlatform],
    platformOptions: { console: { input, output } },
    timing: { announcer: { coalesceMs: 10, minIntervalMs: 20, sweepMs: 100 }, delivery: { sweepMs: 100 }, pipeline: { sweepMs: 100 } },
  });
  const done = running.adapters[0]!.runUntilDone!();
  /** Types a line; resolves with what the console printed for it once Relais has worked it. */
  const type = async (line: string) => {
    const from = printed.length;
    input.write(`${line}\n`);
    const answer = () => {
      const echo = printed.indexOf(`> ${line}\n`, from);
      return echo === -1 ? '' : printed.slice(echo + line.length + 3).trim();
    };
    // Every line gets an answer: once it shows, what follows it is worked and printed too.
    await waitUntil(() => answer() !== '', `the console to answer ${line}`);
    await running.settle();
    return answer();
  };
  /** Every copy of a message the console printed, the latest last. */
  const copies = (messageId: string) => printed.split(/\n(?=— message )/).filter((block) => block.startsWith(`— message ${messageId}\n`) || block.startsWith(`— message ${messageId} (`));
  return {
    name: 'console', db: running.db,
    can: { buttons: true, reactions: false, capture: false, forms: false, redelivery: false, people: false },
    say: async (_who, line) => (lastAnswer = await type(line)),
    async press(label) {
      const choice = new RegExp(`\\[(\\d+)\\] ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(lastAnswer)?.[1];
      if (!choice) throw new Error(`no choice ${label} in ${lastAnswer}`);
      return type(choice);
    },
    // The console shows a private message as a block under "— ✉ <name>".
    privateMessages: async () => [...printed.matchAll(/^— ✉ [^\n]*\n(?:┃ )?([\s\S]*?)\n\n/gm)].map((match) => match[1]!),
    async announcement(title) {
      let id: string | undefined;
      await waitUntil(() => Boolean(id = new RegExp(`— message (\\d+)\\n┃ 📅 ${title}`).exec(printed)?.[1]), `the announcement of ${title}`);
      return id!;
    },
    announcementReads: (messageId, pattern) => waitUntil(() => pattern.test(copies(messageId).at(-1) ?? ''), `message ${messageId} to read ${pattern}`),
    async clickGoing(messageId) {
      const choice = /\[(\d+)\] ✅ Je viens/.exec(copies(messageId).at(-1) ?? '')?.[1];
      await type(choice!);
    },
    settle: () => running.settle(),
    async sayDuringOutage(_who, line) {
      return { during: await type(line) };
    },
    async close() {
      input.end();
      await done;
      await running.stop();
    },
  };
}
