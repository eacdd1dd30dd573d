/**
 * Cards and replies as stored in the outbox: JSON, with instants (the `date` pieces of a card)
 * kept as instants through the round trip.
 */
const DATE = '$date';

export function encode(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key, raw) {
    const original = this[key];
    return original instanceof Date ? { [DATE]: original.toISOString() } : raw;
  });
}

export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && DATE in value && Object.keys(value).length === 1
      ? new Date(String((value as Record<string, unknown>)[DATE]))
      : value) as T;
}
