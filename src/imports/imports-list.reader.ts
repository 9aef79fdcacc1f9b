import { Injectable } from '@nestjs/common';
import { ReadStore } from '../projections/read-store.js';
import type { AccessScope } from '../shared/access-scope.js';
import type { ImportKind } from './import.events.js';

/** An import as GET /api/imports lists it. */
export interface ImportListing {
  readonly importId: string;
  readonly kind: ImportKind;
  readonly fileName: string | null;
  readonly sha256: string;
  readonly counts: { readonly rows: number; readonly new: number; readonly repeat: number; readonly refused: number };
  readonly mdes: readonly string[];
  readonly actor: string;
  readonly recordedAt: string;
  /** Log position of its ImportRecorded event. */
  readonly position: string;
}

export interface ImportPage {
  readonly items: readonly ImportListing[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly next: string | null;
}

type ImportRow = [
  position: bigint,
  importId: string,
  kind: ImportKind,
  fileName: string | null,
  sha256: string,
  rows: number,
  added: number,
  repeat: number,
  refused: number,
  mdes: string,
  actor: string,
  recordedAt: string,
];

/**
 * Newest first. A partner sees the imports it sent and those that wrote rows
 * for projects of its MDEs; coordinators and auditors see all.
 */
@Injectable()
export class ImportsListReader {
  constructor(private readonly readStore: ReadStore) {}

  page(access: AccessScope, actor: string, limit: number, after?: bigint): ImportPage {
    const mdes = access.kind === 'all' ? null : JSON.stringify(access.mdes);
    const rows = this.readStore
      .statement(
        `SELECT position, import_id, kind, file_name, sha256, rows, new, repeat, refused, mdes, actor, recorded_at
         FROM imports
         WHERE position < @after
           AND (@mdes IS NULL OR actor = @actor
                OR EXISTS (SELECT 1 FROM json_each(imports.mdes) AS mine
                           WHERE mine.value IN (SELECT value FROM json_each(@mdes))))
         ORDER BY position DESC LIMIT @limit`,
        { raw: true, safeIntegers: true },
      )
      .all({ after: after ?? 2n ** 63n - 1n, mdes, actor, limit: limit + 1 }) as ImportRow[];
    const items = rows.slice(0, limit).map(listing);
    return { items, next: rows.length > limit ? items[items.length - 1]!.position : null };
  }
}

function listing(row: ImportRow): ImportListing {
  const [position, importId, kind, fileName, sha256, rows, added, repeat, refused, mdes, actor, recordedAt] = row;
  return {
    importId,
    kind,
    fileName,
    sha256,
    counts: { rows: Number(rows), new: Number(added), repeat: Number(repeat), refused: Number(refused) },
    mdes: JSON.parse(mdes) as string[],
    actor,
    recordedAt,
    position: position.toString(),
  };
}
