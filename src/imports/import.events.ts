import type { DomainEvent } from '../shared/domain/event.js';

/** What a spreadsheet's rows can be imported as: each kind is the command of the same name. */
export const IMPORT_KINDS = ['participants', 'sessions', 'attendances', 'stages', 'outreach', 'outcomes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportCounts {
  /** Data rows in the file (the header is not one). */
  readonly rows: number;
  /** Rows that wrote events. */
  readonly new: number;
  /** Rows already recorded: nothing written. */
  readonly repeat: number;
  /** Rows refused, each with the problem the one-by-one command would have answered. */
  readonly refused: number;
}

export interface ImportRecordedData {
  readonly importId: string;
  readonly kind: ImportKind;
  /** As the sender named it (`fileName`), else null. */
  readonly fileName: string | null;
  /** SHA-256 of the file's bytes, hex: the file can be told apart from any other. */
  readonly sha256: string;
  readonly counts: ImportCounts;
  /** The MDEs of the projects its written rows belong to: whose partners see it in the list of imports. */
  readonly mdes: readonly string[];
}

/** An import that wrote rows; each event it wrote carries its `importId` and `line` in its metadata. */
export type ImportRecorded = DomainEvent<'ImportRecorded', ImportRecordedData>;
export type ImportEvent = ImportRecorded;

export const importStream = (importId: string): string => `import-${importId}`;
