/** Adds `delta` to the count kept under `key`, a missing count being 0. */
export function addTo<K>(counts: Map<K, number>, key: K, delta: number): void {
  counts.set(key, (counts.get(key) ?? 0) + delta);
}
