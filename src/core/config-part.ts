import type { z } from 'zod';

/**
 * Settings a part of Relais reads from the environment (a platform's SLACK_* or MATRIX_*, the
 * wiki's…). Every part is validated with the rest at start, so one message lists every problem.
 */
export interface ConfigPart {
  shape: z.ZodRawShape;
  /** Problems across variables (a half-configured platform), read on the raw environment. */
  problems?(env: Record<string, string | undefined>): string[];
}
