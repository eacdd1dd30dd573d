import { withoutDeceptiveCharacters } from '../../core/inert-text.ts';
import type { Gesture } from '../../core/gesture.ts';

/**
 * Control characters (NUL among them, which PostgreSQL refuses in text) and bidi overrides never
 * get past the door: everything people typed is cleaned once, before it is recorded.
 */
export function sanitized(gesture: Gesture): Gesture {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return withoutDeceptiveCharacters(value);
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]));
    }
    return value;
  };
  return clean(gesture) as Gesture;
}
