/** A seeded generator (mulberry32), so every run benchmarks the same data. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Zipf-like: low indexes far more often, as words in real text. */
  const skewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * next() ** 3)]!;
  return { next, int, pick, skewed };
}
export type Random = ReturnType<typeof seeded>;
