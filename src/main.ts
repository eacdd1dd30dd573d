import 'dotenv/config';
import v8 from 'node:v8';
import { startRelais } from './app.ts';
import { ConfigError } from './config.ts';

/** `npm start`: Relais on the configured platforms, or a console chat when none is configured. */
async function main(): Promise<void> {
  // WebAssembly through Liftoff, V8's baseline compiler, only: recompiling Prisma's 3 MB query
  // compiler with TurboFan kept about 45 MiB more resident for the life of the process, and
  // planning queries was measured no faster for it (the database does the real work). Set before
  // the database opens, which is when the query compiler is compiled.
  v8.setFlagsFromString('--liftoff-only');
  const running = await startRelais();
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  if (running.console) {
    await running.console.run();
    await stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Relais could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
