import 'dotenv/config';
import { startRelais } from './app.ts';
import { ConfigError } from './config.ts';

/** `npm start`: Relais on the configured platforms, or a console chat when none is configured. */
async function main(): Promise<void> {
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
