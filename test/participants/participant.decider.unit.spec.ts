import { participantDecider } from '../../src/participants/participant.decider.js';
import type { OutcomeData, StageData } from '../../src/participants/participant.events.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../../src/shared/domain/errors.js';
import type { ProjectFacts } from '../../src/shared/domain/project-facts.js';
import { specificationFor } from '../support/decider-specification.js';

const { given } = specificationFor(participantDecider);

const approvedProject: ProjectFacts = { projectId: 'duo-dynamique-2022', status: 'approved', mdes: ['forest'] };
const registration = { participantId: 'p-7f3a', role: 'job-seeker', registeredJobSeeker: true } as const;
const registered = { type: 'ParticipantRegistered', data: registration } as const;
const stage: StageData = {
  participantId: 'p-7f3a',
  stageId: 's-1',
  projectId: 'duo-dynamique-2022',
  startDate: '2022-10-03',
  sector: 'horeca',
  companyId: 'c-12',
};
const outcome: OutcomeData = {
  participantId: 'p-7f3a',
  outcomeId: 'out-1',
  projectId: 'duo-dynamique-2022',
  type: 'hired',
  date: '2022-11-30',
};
const today = '2022-12-31';

describe('participant decider', () => {
  describe('RegisterParticipant', () => {
    it('registers a participant', () => {
      given([]).when({ type: 'RegisterParticipant', data: registration }).then([registered]);
    });

    it('answers an identical registration as already applied, and different content as a conflict', () => {
      given([registered]).when({ type: 'RegisterParticipant', data: registration }).thenAlreadyApplied(0);
      given([registered])
        .when({ type: 'RegisterParticipant', data: { ...registration, role: 'citizen' } })
        .thenThrows(ConflictError);
    });
  });

  describe('RecordStage', () => {
    it('records a stage obtained through an approved project', () => {
      given([registered])
        .when({ type: 'RecordStage', data: stage, project: approvedProject })
        .then([{ type: 'StageObtained', data: stage }]);
    });

    it('refuses a stage for a project that is not approved, or unknown', () => {
      given([registered])
        .when({ type: 'RecordStage', data: stage, project: { ...approvedProject, status: 'rejected' } })
        .thenThrows(RuleViolationError, /approved/);
      given([registered]).when({ type: 'RecordStage', data: stage, project: null }).thenThrows(RuleViolationError);
    });

    it('keeps a stage id unique within its participant', () => {
      const obtained = { type: 'StageObtained', data: stage } as const;
      given([registered, obtained])
        .when({ type: 'RecordStage', data: stage, project: approvedProject })
        .thenAlreadyApplied(1);
      given([registered, obtained])
        .when({ type: 'RecordStage', data: { ...stage, sector: 'vente' }, project: approvedProject })
        .thenThrows(ConflictError);
    });

    it('cannot record a stage for an unknown participant', () => {
      given([]).when({ type: 'RecordStage', data: stage, project: approvedProject }).thenThrows(NotFoundError);
    });
  });

  describe('RecordOutcome', () => {
    it('records an outcome', () => {
      given([registered])
        .when({ type: 'RecordOutcome', data: outcome, project: approvedProject, today })
        .then([{ type: 'OutcomeRecorded', data: outcome }]);
    });

    it('refuses an outcome for an unknown project, or dated in the future', () => {
      given([registered])
        .when({ type: 'RecordOutcome', data: outcome, project: null, today })
        .thenThrows(RuleViolationError);
      given([registered])
        .when({ type: 'RecordOutcome', data: { ...outcome, date: '2023-02-01' }, project: approvedProject, today })
        .thenThrows(RuleViolationError, /future/);
    });

    it('keeps an outcome id unique within its participant', () => {
      const recorded = { type: 'OutcomeRecorded', data: outcome } as const;
      given([registered, recorded])
        .when({ type: 'RecordOutcome', data: outcome, project: approvedProject, today })
        .thenAlreadyApplied(1);
      given([registered, recorded])
        .when({ type: 'RecordOutcome', data: { ...outcome, type: 'other' }, project: approvedProject, today })
        .thenThrows(ConflictError);
    });

    it('cannot record an outcome for an unknown participant', () => {
      given([])
        .when({ type: 'RecordOutcome', data: outcome, project: approvedProject, today })
        .thenThrows(NotFoundError);
    });
  });
});
