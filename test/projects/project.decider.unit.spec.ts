import { projectDecider } from '../../src/projects/project.decider.js';
import type { ProjectSubmission } from '../../src/projects/project.events.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../../src/shared/domain/errors.js';
import { specificationFor } from '../support/decider-specification.js';

const { given } = specificationFor(projectDecider);

const submission: ProjectSubmission = {
  projectId: 'digimobile-2022',
  year: 2022,
  title: 'DigiMobile',
  mdes: ['bruxelles-ville', 'forest'],
  carrier: { name: "Maison de l'Emploi de Bruxelles-Ville", type: 'commune' },
  kind: 'thematic',
  theme: 'fracture-numerique',
  audience: 'all-job-seekers',
  targetsPartners: false,
  targets: { participants: 200, sessions: 20 },
};
const submitted = { type: 'ProjectSubmitted', data: submission } as const;
const approved = { type: 'ProjectApproved', data: { projectId: 'digimobile-2022', fundedAmount: 12000 } } as const;
const rejected = { type: 'ProjectRejected', data: { projectId: 'digimobile-2022', reason: 'out of scope' } } as const;
const outreach = {
  projectId: 'digimobile-2022',
  outreachId: 'o-1',
  date: '2022-09-01',
  audience: 'people',
  count: 180,
} as const;
const today = '2022-12-31';

describe('project decider', () => {
  describe('SubmitProject', () => {
    it('submits a new project', () => {
      given([]).when({ type: 'SubmitProject', data: submission, unregisteredMdes: [] }).then([submitted]);
    });

    it('refuses a project naming MDEs the registry does not hold', () => {
      given([])
        .when({ type: 'SubmitProject', data: submission, unregisteredMdes: ['jette', 'forest'] })
        .thenThrows(RuleViolationError, /MDEs jette, forest are not registered/);
    });

    it('answers an identical repeat as already applied, whatever the key order', () => {
      const reordered = { ...submission, targets: { sessions: 20, participants: 200 } };
      given([submitted]).when({ type: 'SubmitProject', data: reordered, unregisteredMdes: [] }).thenAlreadyApplied(0);
    });

    it('refuses the same id with different content', () => {
      given([submitted])
        .when({ type: 'SubmitProject', data: { ...submission, title: 'Other' }, unregisteredMdes: [] })
        .thenThrows(ConflictError, /already submitted/);
    });

    it('refuses a thematic project without a theme', () => {
      const { theme: _theme, ...withoutTheme } = submission;
      given([])
        .when({ type: 'SubmitProject', data: withoutTheme, unregisteredMdes: [] })
        .thenThrows(RuleViolationError, /theme/);
    });
  });

  describe('DecideProject', () => {
    it('approves a submitted project', () => {
      given([submitted])
        .when({
          type: 'DecideProject',
          data: { projectId: 'digimobile-2022', decision: 'approved', fundedAmount: 12000 },
        })
        .then([approved]);
    });

    it('rejects a submitted project', () => {
      given([submitted])
        .when({
          type: 'DecideProject',
          data: { projectId: 'digimobile-2022', decision: 'rejected', reason: 'out of scope' },
        })
        .then([rejected]);
    });

    it('cannot decide a project that was not submitted', () => {
      given([])
        .when({ type: 'DecideProject', data: { projectId: 'digimobile-2022', decision: 'approved' } })
        .thenThrows(NotFoundError);
    });

    it('decides once: the same decision again is already applied', () => {
      given([submitted, approved])
        .when({
          type: 'DecideProject',
          data: { projectId: 'digimobile-2022', decision: 'approved', fundedAmount: 12000 },
        })
        .thenAlreadyApplied(1);
    });

    it('decides once: another decision is a conflict', () => {
      given([submitted, approved])
        .when({ type: 'DecideProject', data: { projectId: 'digimobile-2022', decision: 'rejected' } })
        .thenThrows(ConflictError, /decided once/);
    });
  });

  describe('RecordOutreach', () => {
    it('records outreach for an approved project', () => {
      given([submitted, approved])
        .when({ type: 'RecordOutreach', data: outreach, today })
        .then([{ type: 'OutreachRecorded', data: outreach }]);
    });

    it('refuses outreach for a project that is only submitted, or rejected', () => {
      given([submitted])
        .when({ type: 'RecordOutreach', data: outreach, today })
        .thenThrows(RuleViolationError, /approved/);
      given([submitted, rejected])
        .when({ type: 'RecordOutreach', data: outreach, today })
        .thenThrows(RuleViolationError, /rejected/);
    });

    it('refuses outreach dated in the future', () => {
      given([submitted, approved])
        .when({ type: 'RecordOutreach', data: { ...outreach, date: '2023-01-01' }, today })
        .thenThrows(RuleViolationError, /future/);
    });

    it('answers a repeat of the same outreach id as already applied, and refuses different content', () => {
      const recorded = { type: 'OutreachRecorded', data: outreach } as const;
      given([submitted, approved, recorded])
        .when({ type: 'RecordOutreach', data: outreach, today })
        .thenAlreadyApplied(2);
      given([submitted, approved, recorded])
        .when({ type: 'RecordOutreach', data: { ...outreach, count: 181 }, today })
        .thenThrows(ConflictError);
    });

    it('cannot record outreach for an unknown project', () => {
      given([]).when({ type: 'RecordOutreach', data: outreach, today }).thenThrows(NotFoundError);
    });
  });

  describe('WriteNarrative', () => {
    const narrative = { projectId: 'digimobile-2022', year: 2022, text: 'Un bus a stationné…' };
    const written = { type: 'ProjectNarrativeWritten', data: narrative } as const;

    it('writes a narrative, and a newer one for the same year', () => {
      given([submitted]).when({ type: 'WriteNarrative', data: narrative }).then([written]);
      given([submitted, written])
        .when({ type: 'WriteNarrative', data: { ...narrative, text: 'Version 2' } })
        .then([{ type: 'ProjectNarrativeWritten', data: { ...narrative, text: 'Version 2' } }]);
    });

    it('answers the same text as the latest one as already applied', () => {
      given([submitted, written]).when({ type: 'WriteNarrative', data: narrative }).thenAlreadyApplied(1);
    });

    it('cannot write the narrative of an unknown project', () => {
      given([]).when({ type: 'WriteNarrative', data: narrative }).thenThrows(NotFoundError);
    });
  });
});
