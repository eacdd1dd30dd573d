import type { AdapterModule } from '../../src/core/adapter.ts';
import { MatrixAdapter } from './matrix-adapter.ts';

export const adapter: AdapterModule = {
  create: (deps) => MatrixAdapter.create(deps),
};
