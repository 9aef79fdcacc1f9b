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
