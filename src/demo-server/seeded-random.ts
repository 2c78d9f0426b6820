// A seeded pseudo-random source, so the same seed always builds the same fleet and event sequence.

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** One of the values, each with its weight's share of the chances; weights sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  hex(length: number): string;
}

/** FNV-1a: turns any seed text into the 32-bit state mulberry32 starts from. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, fast, and good enough for a simulation (not for secrets). */
export function seededRandom(seed: string | number): SeededRandom {
  let state = hashSeed(String(seed));
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    weighted: <T>(choices: readonly (readonly [T, number])[]): T => {
      let roll = next();
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      // Rounding can leave a sliver past the last weight.
      const last = choices[choices.length - 1];
      if (!last) throw new RangeError('weighted choice from an empty list');
      return last[0];
    },
    hex: (length) => {
      let text = '';
      while (text.length < length) text += int(0, 15).toString(16);
      return text;
    },
  };
}
