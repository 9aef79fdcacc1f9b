import type { NarrativeData, OutreachData, ProjectSubmission } from './project.events.js';

export interface SubmitProject {
  readonly type: 'SubmitProject';
  readonly data: ProjectSubmission;
  /** The MDEs of the submission that the registry does not hold. */
  readonly unregisteredMdes: readonly string[];
}

export interface DecideProject {
  readonly type: 'DecideProject';
  readonly data: {
    readonly projectId: string;
    readonly decision: 'approved' | 'rejected';
    readonly fundedAmount?: number;
    readonly reason?: string;
  };
}

export interface RecordOutreach {
  readonly type: 'RecordOutreach';
  readonly data: OutreachData;
  /** Today's business date, from the clock. */
  readonly today: string;
}

export interface WriteNarrative {
  readonly type: 'WriteNarrative';
  readonly data: NarrativeData;
}

export type ProjectCommand = SubmitProject | DecideProject | RecordOutreach | WriteNarrative;
