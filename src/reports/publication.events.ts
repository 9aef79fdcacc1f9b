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
  /** SHA-256 of each format as published (the PDF's when it was printed at publication). */
  readonly digests: Readonly<Record<string, string>>;
  /** Head of the audit chain at that position: anchors the log the report came from. */
  readonly ledgerHash: string | null;
  /**
   * Every format prints the anchor (reportPosition, ledgerHash and its check
   * code). Absent in publications made before they did: those regenerate
   * without it, to the bytes they were published with.
   */
  readonly anchorPrinted?: true;
  /**
   * The formats whose published bytes follow in ReportRenditionStored events.
   * Absent in publications made before they were stored: those are regenerated.
   */
  readonly stored?: readonly string[];
  /** Formats that could not be stored, and why (a PDF when Chromium was not there). */
  readonly notStored?: Readonly<Record<string, string>>;
}

/**
 * A part of the published bytes of one format, base64. A format larger than
 * one event may hold (1 MiB) is split in parts, in order.
 */
export interface ReportRenditionStoredData {
  readonly year: number;
  readonly number: number;
  readonly format: string;
  readonly part: number;
  readonly parts: number;
  readonly bytes: string;
}

export type ReportPublished = DomainEvent<'ReportPublished', ReportPublishedData>;
export type ReportRenditionStored = DomainEvent<'ReportRenditionStored', ReportRenditionStoredData>;
export type PublicationEvent = ReportPublished | ReportRenditionStored;

export const reportStream = (year: number): string => `report-${year}`;
