/**
 * Drops the fields that are undefined or null, so that an optional field left
 * out and one sent as null record the same fact.
 */
export function withoutAbsent<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null)) as {
    [K in keyof T]: Exclude<T[K], null | undefined>;
  };
}
