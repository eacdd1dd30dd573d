/** Slack's tolerance for a request's signed timestamp: five minutes, either way. */
const TOLERANCE_S = 5 * 60;

/** Whether a request's X-Slack-Request-Timestamp is recent: Bolt refuses old ones, this refuses future ones too. */
export function acceptableTimestamp(header: string | string[] | undefined, nowMs: number): boolean {
  const value = Number(Array.isArray(header) ? header[0] : header);
  // A missing or malformed timestamp is left to Bolt, which refuses it.
  if (!Number.isFinite(value)) return true;
  return value - nowMs / 1000 <= TOLERANCE_S;
}
