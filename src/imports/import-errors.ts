import { KindedError } from '../shared/errors.js';

/** A file beyond what one import takes (docs/api.md: 20 MiB, 100,000 rows), refused before any row is applied. */
export class ImportTooLargeError extends KindedError {
  readonly kind = 'too-large';
}

/** A body that is neither a CSV nor an XLSX file. */
export class UnsupportedFileTypeError extends KindedError {
  readonly kind = 'unsupported-media-type';
}
