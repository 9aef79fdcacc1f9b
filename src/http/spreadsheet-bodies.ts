import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { KindedError } from '../shared/errors.js';

export const CSV_MEDIA_TYPE = 'text/csv';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What an import's file may weigh (docs/api.md, "Imports"). */
export const SPREADSHEET_BODY_LIMIT = 20 * 1024 * 1024;
export const IMPORTS_ROUTE = '/api/imports';

class NotAnImportError extends KindedError {
  readonly kind = 'unsupported-media-type';
}

/**
 * Spreadsheets as raw bytes, up to 20 MiB, on the imports route only: every
 * other route keeps taking JSON alone (415 for a spreadsheet).
 */
export function acceptSpreadsheetBodies(app: NestFastifyApplication): void {
  for (const mediaType of [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE]) {
    app.useBodyParser<RawServerDefault>(mediaType, { bodyLimit: SPREADSHEET_BODY_LIMIT }, (request, body, done) => {
      if (request.routeOptions.url !== IMPORTS_ROUTE || request.method !== 'POST') {
        done(new NotAnImportError(`${mediaType} is taken by POST ${IMPORTS_ROUTE} only; send JSON`), undefined);
        return;
      }
      done(null, body);
    });
  }
}
