import type { DomainEvent } from '../shared/domain/event.js';
import type { Language } from './catalogues/catalogue.js';

export interface ReportPublishedData {
  readonly year: number;
  /** 1 for the year's first publication, then 2, 3… */
  readonly number: number;
  /** The log position the report was frozen at: it is regenerated from there. */
  readonly reportPosition: string;
  readonly language: Language;
  /** The version of the figure definitions the report was computed with. */
  readonly figureDefinitions: number;
  /** SHA-256 of each text format as published. */
  readonly digests: Readonly<Record<string, string>>;
  /** Head of the audit chain at that position: anchors the log the report came from. */
  readonly ledgerHash: string | null;
}

export type ReportPublished = DomainEvent<'ReportPublished', ReportPublishedData>;

export const reportStream = (year: number): string => `report-${year}`;
