import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import type { PublicationEvent, ReportPublishedData, ReportRenditionStored } from './publication.events.js';

export interface PublishReport {
  readonly type: 'PublishReport';
  /** What the coordinator asked: a retry with the same Idempotency-Key asks the same. */
  readonly data: { readonly year: number; readonly language: ReportPublishedData['language'] };
  /** The report as it stands now, frozen by the publication. */
  readonly report: Omit<ReportPublishedData, 'number' | 'year' | 'language' | 'stored'>;
  /** The published bytes of each format, base64, in parts that each fit in an event. */
  readonly renditions?: ReadonlyArray<{ readonly format: string; readonly parts: readonly string[] }>;
}

/** A publication, and where the parts of each stored format are in its stream. */
export type PublicationEntry = ReportPublishedData & {
  readonly revision: number;
  readonly renditions: Readonly<Record<string, readonly number[]>>;
};

/** The publications of a year, in order. */
export interface PublicationsState {
  readonly publications: readonly PublicationEntry[];
}

/** A year's reports are numbered in order; the same report at the same position is published once. */
export const publicationDecider: Decider<PublishReport, PublicationEvent, PublicationsState> = {
  initialState: () => ({ publications: [] }),
  evolve(state, event, revision) {
    switch (event.type) {
      case 'ReportPublished':
        return { publications: [...state.publications, { ...event.data, revision, renditions: {} }] };
      case 'ReportRenditionStored': {
        // Only where the bytes are: the folded state stays small however large the PDFs.
        const { number, format } = event.data;
        return {
          publications: state.publications.map((p) =>
            p.number === number
              ? { ...p, renditions: { ...p.renditions, [format]: [...(p.renditions[format] ?? []), revision] } }
              : p,
          ),
        };
      }
      default:
        return assertNever(event);
    }
  },
  decide(command, state): Decision<PublicationEvent> {
    const { year } = command.data;
    const renditions = command.renditions ?? [];
    const data = {
      ...command.data,
      ...command.report,
      ...(command.renditions ? { stored: renditions.map((r) => r.format) } : {}),
    };
    const same = state.publications.find(
      (p) =>
        p.reportPosition === data.reportPosition &&
        p.language === data.language &&
        p.digests.json === data.digests.json,
    );
    if (same) return alreadyApplied(same.revision);
    const number = state.publications.length + 1;
    const stored = renditions.flatMap(({ format, parts }) =>
      parts.map((bytes, part): ReportRenditionStored => ({
        type: 'ReportRenditionStored',
        data: { year, number, format, part, parts: parts.length, bytes },
      })),
    );
    return [{ type: 'ReportPublished', data: { ...data, number } }, ...stored];
  },
};
