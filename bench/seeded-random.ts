/** A small seeded generator (mulberry32): the same seed gives the same bench data on every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const hex = (length: number): string => {
    let text = "";
    while (text.length < length) text += Math.floor(next() * 2 ** 32).toString(16).padStart(8, "0");
    return text.slice(0, length);
  };
  return { next, int, pick, hex };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
