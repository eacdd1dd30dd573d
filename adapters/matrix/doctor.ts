import { LogService, MatrixClient, MatrixError, MemoryStorageProvider } from 'matrix-bot-sdk';
import type { Check } from '../../src/core/check.ts';
import type { MatrixConfig } from './config.ts';

/** Why a request failed, as the homeserver or the network said it: `M_UNKNOWN_TOKEN`, `HTTP 502`, `ECONNREFUSED`… */
function reasonOf(error: unknown): string {
  if (error instanceof MatrixError) return error.errcode;
  const e = error as { statusCode?: number; code?: string; message?: string };
  return (e.statusCode ? `HTTP ${e.statusCode}` : undefined) ?? e.code ?? e.message ?? String(error);
}

/**
 * The access token against `/account/whoami` (whose it is, against MATRIX_USER_ID when set) and
 * the rooms the bot is in (`/joined_rooms`), with a plain client: no sync, nothing stored.
 */
export async function matrixDoctor(config: MatrixConfig): Promise<Check[]> {
  const homeserver = config.MATRIX_HOMESERVER_URL!;
  // The SDK logs each failed request: the doctor says what failed in its own line.
  LogService.setLogger({ trace() {}, debug() {}, info() {}, warn() {}, error() {} });
  const client = new MatrixClient(homeserver, config.MATRIX_ACCESS_TOKEN!, new MemoryStorageProvider());
  let userId: string;
  try {
    userId = (await client.getWhoAmI()).user_id;
  } catch (error) {
    const refused = error instanceof MatrixError || (error as { statusCode?: number }).statusCode === 401;
    return [refused
      ? { status: 'failed', message: 'platforms.matrix.doctor.tokenRefused', fix: 'platforms.matrix.doctor.tokenFix', params: { homeserver, reason: reasonOf(error) } }
      : { status: 'failed', message: 'platforms.matrix.doctor.unreachable', fix: 'platforms.matrix.doctor.unreachableFix', params: { homeserver, reason: reasonOf(error) } }];
  }
  const checks: Check[] = [];
  checks.push(config.MATRIX_USER_ID && config.MATRIX_USER_ID !== userId
    ? { status: 'failed', message: 'platforms.matrix.doctor.otherAccount', fix: 'platforms.matrix.doctor.otherAccountFix', params: { configured: config.MATRIX_USER_ID, userId } }
    : { status: 'ok', message: 'platforms.matrix.doctor.connected', params: { homeserver, userId } });
  try {
    const rooms = await client.getJoinedRooms();
    checks.push(rooms.length
      ? { status: 'ok', message: 'platforms.matrix.doctor.rooms', params: { count: rooms.length } }
      : { status: 'warning', message: 'platforms.matrix.doctor.noRoom', fix: config.MATRIX_AUTOJOIN.length ? 'platforms.matrix.doctor.inviteIt' : 'platforms.matrix.doctor.setAutojoin' });
  } catch (error) {
    checks.push({ status: 'failed', message: 'platforms.matrix.doctor.roomsUnreadable', fix: 'platforms.matrix.doctor.unreachableFix', params: { homeserver, reason: reasonOf(error) } });
  }
  return checks;
}
