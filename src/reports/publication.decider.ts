import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import type { ReportPublished, ReportPublishedData } from './publication.events.js';

export interface PublishReport {
  readonly type: 'PublishReport';
  /** What the coordinator asked: a retry with the same Idempotency-Key asks the same. */
  readonly data: { readonly year: number; readonly language: ReportPublishedData['language'] };
  /** The report as it stands now, frozen by the publication. */
  readonly report: Omit<ReportPublishedData, 'number' | 'year' | 'language'>;
}

/** The publications of a year, in order. */
export interface PublicationsState {
  readonly publications: ReadonlyArray<ReportPublishedData & { readonly revision: number }>;
}

/** A year's reports are numbered in order; the same report at the same position is published once. */
export const publicationDecider: Decider<PublishReport, ReportPublished, PublicationsState> = {
  initialState: () => ({ publications: [] }),
  evolve(state, event, revision) {
    switch (event.type) {
      case 'ReportPublished':
        return { publications: [...state.publications, { ...event.data, revision }] };
      default:
        return assertNever(event.type);
    }
  },
  decide(command, state): Decision<ReportPublished> {
    const data = { ...command.data, ...command.report };
    const same = state.publications.find(
      (p) =>
        p.reportPosition === data.reportPosition &&
        p.language === data.language &&
        p.digests.json === data.digests.json,
    );
    if (same) return alreadyApplied(same.revision);
    return [{ type: 'ReportPublished', data: { ...data, number: state.publications.length + 1 } }];
  },
};
