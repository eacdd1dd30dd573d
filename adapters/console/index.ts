import type { AdapterModule } from '../../src/core/adapter.ts';
import { ConsoleAdapter } from './console-adapter.ts';

/** The console is what runs when no chat platform is configured. */
export const adapter: AdapterModule = {
  async create({ relais }) {
    return new ConsoleAdapter(relais, { input: process.stdin, output: process.stdout });
  },
};
