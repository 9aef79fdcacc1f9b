/**
 * How a row is checked: by the one-by-one command's own DTO and path rules, so
 * that a refused row carries the same field errors (there is no second
 * validator). The HTTP layer provides it (src/http/row-validation.ts); the
 * importer only calls it.
 */
export interface RowValidation {
  /** The body as the command's DTO checks it: whitelist, types, patterns; an InvalidRequestError naming each field. */
  body<T extends object>(dto: new () => T, value: Readonly<Record<string, unknown>>): Promise<T>;
  /** An id the one-by-one API takes in its path (the session of an attendance, the participant of a stage). */
  pathId(field: string, value: unknown): string;
}

export const ROW_VALIDATION = Symbol('RowValidation');
