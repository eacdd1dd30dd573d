import { definePlatform } from '../../src/core/platform-module.ts';
import { serverOf } from './ids.ts';
import { shape } from './config.ts';
import { strings } from './strings.ts';

/** A Matrix user id, bare or as a matrix.to link (what a pill points at). */
const USER_ID = /^(?:https:\/\/matrix\.to\/#\/)?(@[^:\s/]+:[^\s/?]+)$/;

/**
 * Matrix (and Tchap) as a plain bot account, with matrix-bot-sdk: configured by
 * MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN; the SDK is loaded only then.
 */
export const matrixPlatform = definePlatform({
  name: 'matrix',
  commandPrefix: '!',
  config: {
    shape,
    // All or nothing: a half-configured Matrix is an error, not a silent fallback to the console.
    problems(env) {
      const wanted = Boolean(env.MATRIX_HOMESERVER_URL || env.MATRIX_ACCESS_TOKEN);
      return ['MATRIX_HOMESERVER_URL', 'MATRIX_ACCESS_TOKEN'].filter((key) => wanted && !env[key]).map((key) => `${key}: is required to connect to Matrix`);
    },
  },
  configured: (config) => Boolean(config.MATRIX_HOMESERVER_URL && config.MATRIX_ACCESS_TOKEN),
  strings,
  /** A full user id on any homeserver (`@ana:tchap.gouv.fr`), or the matrix.to link a pill is. */
  parseMention(text) {
    const id = USER_ID.exec(text.trim())?.[1];
    return id ? { platform: 'matrix', workspace: serverOf(id) ?? 'matrix', externalId: id } : undefined;
  },
  /** The private-message room with the person, and the reactions of theirs remembered to withdraw their answers. */
  async forget(state, user) {
    for (const [key, value] of await state.entries('')) {
      const remembered = key.includes(':kv:reaction:') ? (JSON.parse(value) as { sender?: string }).sender : undefined;
      if (key.endsWith(`:kv:dm:${user.externalId}`) || remembered === user.externalId) await state.delete(key);
    }
  },
  async create(deps) {
    const { MatrixAdapter } = await import('./matrix-adapter.ts');
    return MatrixAdapter.create(deps);
  },
  async doctor(config) {
    const { matrixDoctor } = await import('./doctor.ts');
    return matrixDoctor(config);
  },
});
