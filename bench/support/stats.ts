export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Peak resident memory of this process so far, in MB. */
export const peakRssMb = (): number => round(process.resourceUsage().maxRSS / 1024);

/** The run of median speed, with the speed of every run (`rounds`), in the order they ran. */
export function medianRun<T>(runs: readonly T[], speed: (run: T) => number): T & { readonly rounds: number[] } {
  const sorted = [...runs].sort((a, b) => speed(a) - speed(b));
  return { ...sorted[Math.floor(sorted.length / 2)]!, rounds: runs.map(speed) };
}

/**
 * The median of the rounds' ratios, ours[i] / baseline[i]: each ratio compares two measurements
 * taken a few seconds apart, so a drift in the machine's load between rounds cancels out of it.
 */
export function medianRatio(ours: readonly number[], baseline: readonly number[]): number {
  return median(ours.map((value, i) => value / baseline[i]!));
}

/**
 * Runs each side once a round, one after the other, for `rounds` rounds (A, B, A, B, …): a drift in
 * the machine's load (it is shared) then weighs on every side alike. Each side's results in order.
 */
export async function inRounds<Sides extends Record<string, () => Promise<unknown>>>(
  rounds: number,
  sides: Sides,
): Promise<{ [K in keyof Sides]: Array<Awaited<ReturnType<Sides[K]>>> }> {
  const results = Object.fromEntries(Object.keys(sides).map((name) => [name, [] as unknown[]]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(sides)) results[name]!.push(await run());
  }
  return results as { [K in keyof Sides]: Array<Awaited<ReturnType<Sides[K]>>> };
}
