/**
 * The highest log position this page wrote at. Reads pass it as `minPosition`, so that a screen
 * shown after a write always includes it (docs/api.md: the server waits for its projections).
 */
let written: bigint | undefined;

export function wroteAt(position: string): void {
  const at = BigInt(position);
  if (written === undefined || at > written) written = at;
}

/** `{ minPosition }` when this page wrote something, else nothing: spread into a query's parameters. */
export function afterOwnWrites(): { minPosition?: string } {
  return written === undefined ? {} : { minPosition: written.toString() };
}
