import 'dotenv/config';
import v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { platforms } from '../adapters/index.ts';

export { platforms };
import { buildRelais, type BuildOptions, type RunningRelais } from './build.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { ConfigPart } from './core/config-part.ts';
import type { PlatformModule } from './core/platform-module.ts';
import { wikiConfig } from './publish/mediawiki/config.ts';

// The composition root: the only file of src/ that knows which platforms exist (adapters/index.ts).
// `npm start` runs it; the CLI and the tests start Relais through `startRelais`.

/** Every part of the configuration besides the core's: each platform's, and the wiki's. */
export const configParts = (modules: PlatformModule[] = platforms): ConfigPart[] => [...modules.map((module) => module.config), wikiConfig];

/** The environment validated against the core's settings and every part's, in one message. */
export const loadFullConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(env, configParts());

export interface StartOptions extends Partial<BuildOptions> {
  env?: NodeJS.ProcessEnv;
}

export function startRelais(options: StartOptions = {}): Promise<RunningRelais> {
  const { env, ...build } = options;
  const modules = build.platforms ?? platforms;
  return buildRelais(loadConfig(env ?? process.env, configParts(modules)), { ...build, platforms: modules });
}

/** `npm start`: Relais on the configured platforms, or a console chat when none is configured. */
async function main(): Promise<void> {
  // WebAssembly through Liftoff, V8's baseline compiler, only: recompiling Prisma's 3 MB query
  // compiler with TurboFan kept about 45 MiB more resident for the life of the process, and
  // planning queries was measured no faster for it (the database does the real work). Set before
  // the database opens, which is when the query compiler is compiled.
  v8.setFlagsFromString('--liftoff-only');
  const running = await startRelais();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= running.stop().then(() => process.exit(0));
    return stopping;
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  // An adapter that drives the process (the console reads its input to the end) stops it when done.
  const driver = running.adapters.find((adapter) => adapter.runUntilDone);
  if (driver?.runUntilDone) {
    await driver.runUntilDone();
    await stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Relais could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exit(1);
  });
}
