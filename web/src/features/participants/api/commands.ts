import type { components } from '../../../api/generated/schema';
import type { Command } from '../../offline/api/command';

type Schemas = components['schemas'];
export type OutcomeType = Schemas['RecordOutcomeDto']['type'];
export type OutreachAudience = Schemas['RecordOutreachDto']['audience'];

export const OUTCOME_TYPES: readonly OutcomeType[] = [
  'hired',
  'training-completed',
  'professional-project-defined',
  'training-started',
  'other',
];
export const OUTREACH_AUDIENCES: readonly OutreachAudience[] = ['people', 'job-seekers', 'companies', 'employers'];

interface Made {
  readonly key: string;
  readonly owner: string;
}

export const recordStage = (participantId: string, body: Schemas['RecordStageDto'], made: Made): Command => ({
  kind: 'stage',
  ...made,
  params: { id: participantId },
  body: { ...body },
  subject: participantId,
  within: body.projectId,
});

export const recordOutcome = (participantId: string, body: Schemas['RecordOutcomeDto'], made: Made): Command => ({
  kind: 'outcome',
  ...made,
  params: { id: participantId },
  body: { ...body },
  subject: participantId,
  within: body.projectId,
});

export const recordOutreach = (projectId: string, body: Schemas['RecordOutreachDto'], made: Made): Command => ({
  kind: 'outreach',
  ...made,
  params: { id: projectId },
  body: { ...body },
  subject: body.id,
  within: projectId,
});
