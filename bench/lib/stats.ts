/** The middle value (the mean of the two middle values for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The nearest-rank percentile: the smallest sample that `p` per cent of the samples do not exceed,
 * so a p99 is always a latency that was actually observed. NaN for no samples.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Runs `measure` `warmups` times without keeping the result, then `repeats` times; returns the kept results. */
export async function repeat<T>(warmups: number, repeats: number, measure: (index: number) => Promise<T> | T): Promise<T[]> {
  for (let i = 0; i < warmups; i++) await measure(-1 - i);
  const results: T[] = [];
  for (let i = 0; i < repeats; i++) results.push(await measure(i));
  return results;
}

/** Milliseconds taken by a synchronous piece of work, and its result. */
export function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `probe` holds, checking every `everyMs`; fails naming `what` after `timeoutMs`. */
export async function until(probe: () => boolean, timeoutMs: number, what: string, everyMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
