import { getRequestFn, setRequestFn } from 'matrix-bot-sdk';

let installed = false;

/**
 * Since spec v1.10 a 429 may carry its delay only in a `Retry-After` header (seconds), which
 * matrix-bot-sdk 0.7.1 never reads: its MatrixError knows only the body's retry_after_ms. This
 * wraps the SDK's request function once so that such a header becomes retry_after_ms in the body
 * the SDK then reads; a body that says it already is left alone.
 */
export function honourRetryAfterHeaders(): void {
  if (installed) return;
  installed = true;
  const request = getRequestFn();
  setRequestFn((params: unknown, callback: (error: unknown, response: { statusCode?: number; headers?: Record<string, unknown>; body?: unknown }, body: unknown) => void) =>
    request(params, (error: unknown, response: { statusCode?: number; headers?: Record<string, unknown>; body?: unknown }, body: unknown) => {
      const seconds = Number(response?.headers?.['retry-after']);
      if (!error && response?.statusCode === 429 && Number.isFinite(seconds) && seconds >= 0) {
        const parsed = parseBody(response.body ?? body);
        if (parsed && typeof parsed.retry_after_ms !== 'number') {
          parsed.retry_after_ms = seconds * 1000;
          response.body = parsed;
          return callback(error, response, parsed);
        }
      }
      callback(error, response, body);
    }));
}

function parseBody(raw: unknown): Record<string, unknown> | undefined {
  if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return raw as Record<string, unknown>;
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
