import { requirePastDate } from '../shared/domain/calendar.js';
import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { RuleViolationError } from '../shared/domain/errors.js';
import { requireApprovedProject, type ProjectFacts } from '../shared/domain/project-facts.js';
import { requireRegisteredMdes } from '../shared/domain/registered-mdes.js';
import { created, mustExist, repeated, type Recorded } from '../shared/domain/recorded.js';
import type { ProjectCommand } from './project.commands.js';
import type {
  NarrativeData,
  OutreachData,
  ProjectDecisionData,
  ProjectEvent,
  ProjectSubmission,
} from './project.events.js';

export type ProjectState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'submitted' | 'approved' | 'rejected';
      readonly submission: Recorded<ProjectSubmission>;
      readonly decision?: Recorded<ProjectDecisionData & { readonly decision: 'approved' | 'rejected' }>;
      readonly outreach: ReadonlyMap<string, Recorded<OutreachData>>;
      /** The latest narrative of each year. */
      readonly narratives: ReadonlyMap<number, Recorded<NarrativeData>>;
    };

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};

/** What other aggregates may know of a project: whether it exists and its status. */
export function projectFacts(state: ProjectState): ProjectFacts | null {
  if (state.status === 'absent') return null;
  const { projectId, mdes } = state.submission.data;
  return { projectId, status: state.status, mdes };
}

function evolve(state: ProjectState, event: ProjectEvent, revision: number): ProjectState {
  switch (event.type) {
    case 'ProjectSubmitted':
      return {
        status: 'submitted',
        submission: { data: event.data, revision },
        outreach: new Map(),
        narratives: new Map(),
      };
    case 'ProjectApproved':
    case 'ProjectRejected': {
      const project = created(state, 'ProjectSubmitted');
      const decision = event.type === 'ProjectApproved' ? 'approved' : 'rejected';
      return { ...project, status: decision, decision: { data: { ...event.data, decision }, revision } };
    }
    case 'OutreachRecorded': {
      const project = created(state, 'ProjectSubmitted');
      const outreach = new Map(project.outreach).set(event.data.outreachId, { data: event.data, revision });
      return { ...project, outreach };
    }
    case 'ProjectNarrativeWritten': {
      const project = created(state, 'ProjectSubmitted');
      const narratives = new Map(project.narratives).set(event.data.year, { data: event.data, revision });
      return { ...project, narratives };
    }
    default:
      return assertNever(event);
  }
}

function decide(command: ProjectCommand, state: ProjectState): Decision<ProjectEvent> {
  switch (command.type) {
    case 'SubmitProject': {
      const submission = command.data;
      if (submission.kind === 'thematic' && !submission.theme) {
        throw new RuleViolationError('A thematic project needs a theme');
      }
      if (state.status !== 'absent') {
        return repeated(
          state.submission,
          submission,
          `Project ${submission.projectId} was already submitted with different content`,
        )!;
      }
      requireRegisteredMdes(command.unregisteredMdes);
      return [{ type: 'ProjectSubmitted', data: submission }];
    }
    case 'DecideProject': {
      const project = mustExist(state, `Project ${command.data.projectId} does not exist`);
      if (project.decision) {
        const conflict = `Project ${command.data.projectId} was already ${project.decision.data.decision}; a project is decided once`;
        return repeated(project.decision, command.data, conflict)!;
      }
      const { decision, ...data } = command.data;
      return [{ type: decision === 'approved' ? 'ProjectApproved' : 'ProjectRejected', data }];
    }
    case 'RecordOutreach': {
      const project = mustExist(state, `Project ${command.data.projectId} does not exist`);
      const outreach = command.data;
      const repeat = repeated(
        project.outreach.get(outreach.outreachId),
        outreach,
        `Outreach ${outreach.outreachId} was already recorded with different content`,
      );
      if (repeat) return repeat;
      requireApprovedProject(projectFacts(project), outreach.projectId, 'Outreach');
      requirePastDate(outreach.date, command.today, 'An outreach');
      return [{ type: 'OutreachRecorded', data: outreach }];
    }
    case 'WriteNarrative': {
      const project = mustExist(state, `Project ${command.data.projectId} does not exist`);
      const latest = project.narratives.get(command.data.year);
      if (latest && latest.data.text === command.data.text) return alreadyApplied(latest.revision);
      return [{ type: 'ProjectNarrativeWritten', data: command.data }];
    }
    default:
      return assertNever(command);
  }
}
