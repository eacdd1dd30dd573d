/**
 * Relais as its own process, started like `npm start` (startRelais with the environment), for the
 * tests that kill it or run two of it. FAULT_NOW fixes the clock; the line {"port":…} on stdout
 * says it is ready. SIGTERM stops it cleanly; SIGKILL is the point of some tests.
 */
import { startRelais } from '../../src/main.ts';

const now = process.env.FAULT_NOW;
const running = await startRelais(now ? { clock: { now: () => new Date(now) } } : {});
process.stdout.write(`${JSON.stringify({ port: running.httpPort })}\n`);
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
