/**
 * Relais as its own process, started like `npm start` (startRelais with the environment), for the
 * tests that kill it or run two of it. FAULT_NOW fixes the clock — or, with FAULT_EPOCH (the
 * test's Date.now() when its clock read FAULT_NOW), sets it going, the same for every process
 * the test starts; FAULT_TIMING (JSON) shortens
 * leases and sweeps, so that a test sees a dead process's work taken over in seconds; the line
 * {"port":…} on stdout says it is ready. SIGTERM stops it cleanly; SIGKILL is the point of some tests.
 */
import { startRelais } from '../../src/main.ts';

const now = process.env.FAULT_NOW;
const epoch = Number(process.env.FAULT_EPOCH);
const timing = process.env.FAULT_TIMING ? JSON.parse(process.env.FAULT_TIMING) : undefined;
const clock = now ? { now: () => new Date(Date.parse(now) + (epoch ? Date.now() - epoch : 0)) } : undefined;
const running = await startRelais({ ...(clock ? { clock } : {}), ...(timing ? { timing } : {}) });
process.stdout.write(`${JSON.stringify({ port: running.httpPort })}\n`);
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
