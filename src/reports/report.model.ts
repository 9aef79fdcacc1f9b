import type { ActivityFigures, ProgrammeFigures } from '../figures/figures-shapes.js';
import type { Language } from './catalogues/catalogue.js';

/** Shares of the submitted projects, as the report prints them (rounded, halves up). */
export interface ProgrammeShares {
  readonly allJobSeekers: number;
  readonly targetsPartners: number;
  readonly communes: number;
  /** Missions locales and ALE are one group in the report. */
  readonly missionsLocalesOrAle: number;
  readonly cpas: number;
}

export interface ReportProject {
  readonly id: string;
  readonly title: string;
  /** The programme year the project was funded for (an earlier one for pilots still running). */
  readonly year: number;
  readonly kind: 'local' | 'thematic';
  readonly theme: string | null;
  readonly mdes: readonly string[];
  readonly carrier: { readonly name: string; readonly type: string };
  readonly narrative: string | null;
  readonly figures: ActivityFigures;
}

/** The head of the audit chain at the report's position, in the form a person types back. */
export interface ReportAnchor {
  readonly position: string;
  readonly hash: string;
  /** Two digits that catch a mistyped position or hash. */
  readonly check: string;
  /** `position:hash in groups of four:check`, what `indicators verify --anchor` takes. */
  readonly typed: string;
}

/** Everything the annual report says, as data: the renderers only word and lay it out. */
export interface ReportModel {
  readonly year: number;
  readonly language: Language;
  /** The log position the report reflects: regenerating at it gives the same report. */
  readonly position: string;
  /** The head of the audit chain at that position. */
  readonly ledgerHash: string | null;
  /**
   * The chain head as printed, for a reader to verify later (docs/domain.md,
   * "Anchors"); null while the log is empty. Absent from reports regenerated
   * for publications made before reports printed it, so their bytes stay.
   */
  readonly anchor?: ReportAnchor | null;
  /** Recording time of the last event the report reflects: the date printed on it. */
  readonly asOf: string | null;
  readonly programme: {
    readonly funded: number;
    readonly shares: ProgrammeShares | null;
    readonly figures: ProgrammeFigures;
  };
  readonly thematic: readonly ReportProject[];
  readonly local: readonly ReportProject[];
}

/** The version of the figure definitions (docs/domain.md, "Figures"): a publication records which it used. */
export const FIGURE_DEFINITIONS_VERSION = 2;

/** round(100 × part / whole), halves up (docs/domain.md). */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((200 * part + whole) / (2 * whole));
}
