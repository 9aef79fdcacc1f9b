import { requirePastDate } from '../shared/domain/calendar.js';
import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../shared/domain/errors.js';
import { requireApprovedProject, type ProjectFacts } from '../shared/domain/project-facts.js';
import { sameContent } from '../shared/domain/same-content.js';
import type { ProjectCommand } from './project.commands.js';
import type {
  NarrativeData,
  OutreachData,
  ProjectDecisionData,
  ProjectEvent,
  ProjectSubmission,
} from './project.events.js';

interface Recorded<T> {
  readonly data: T;
  readonly revision: number;
}

export type ProjectState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'submitted' | 'approved' | 'rejected';
      readonly submission: Recorded<ProjectSubmission>;
      readonly decision?: Recorded<ProjectDecisionData> & { readonly decision: 'approved' | 'rejected' };
      readonly outreach: ReadonlyMap<string, Recorded<OutreachData>>;
      /** The latest narrative of each year. */
      readonly narratives: ReadonlyMap<number, Recorded<NarrativeData>>;
    };

type ExistingProject = Exclude<ProjectState, { status: 'absent' }>;

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};

/** What other aggregates may know of a project: whether it exists and its status. */
export function projectFacts(state: ProjectState): ProjectFacts | null {
  return state.status === 'absent' ? null : { projectId: state.submission.data.projectId, status: state.status };
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
      const project = existing(state);
      const decision = event.type === 'ProjectApproved' ? 'approved' : 'rejected';
      return { ...project, status: decision, decision: { data: event.data, revision, decision } };
    }
    case 'OutreachRecorded': {
      const project = existing(state);
      const outreach = new Map(project.outreach).set(event.data.outreachId, { data: event.data, revision });
      return { ...project, outreach };
    }
    case 'ProjectNarrativeWritten': {
      const project = existing(state);
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
        if (sameContent(state.submission.data, submission)) return alreadyApplied(state.submission.revision);
        throw new ConflictError(`Project ${submission.projectId} was already submitted with different content`);
      }
      return [{ type: 'ProjectSubmitted', data: submission }];
    }
    case 'DecideProject': {
      const project = mustExist(state, command.data.projectId);
      const { decision, ...data } = command.data;
      if (project.decision) {
        if (project.decision.decision === decision && sameContent(project.decision.data, data)) {
          return alreadyApplied(project.decision.revision);
        }
        throw new ConflictError(
          `Project ${data.projectId} was already ${project.decision.decision}; a project is decided once`,
        );
      }
      return [{ type: decision === 'approved' ? 'ProjectApproved' : 'ProjectRejected', data }];
    }
    case 'RecordOutreach': {
      const project = mustExist(state, command.data.projectId);
      const outreach = command.data;
      const earlier = project.outreach.get(outreach.outreachId);
      if (earlier) {
        if (sameContent(earlier.data, outreach)) return alreadyApplied(earlier.revision);
        throw new ConflictError(`Outreach ${outreach.outreachId} was already recorded with different content`);
      }
      requireApprovedProject(projectFacts(project), outreach.projectId, 'Outreach');
      requirePastDate(outreach.date, command.today, 'An outreach');
      return [{ type: 'OutreachRecorded', data: outreach }];
    }
    case 'WriteNarrative': {
      const project = mustExist(state, command.data.projectId);
      const latest = project.narratives.get(command.data.year);
      if (latest && latest.data.text === command.data.text) return alreadyApplied(latest.revision);
      return [{ type: 'ProjectNarrativeWritten', data: command.data }];
    }
    default:
      return assertNever(command);
  }
}

function existing(state: ProjectState): ExistingProject {
  if (state.status === 'absent') throw new Error('Project event before ProjectSubmitted');
  return state;
}

function mustExist(state: ProjectState, projectId: string): ExistingProject {
  if (state.status === 'absent') throw new NotFoundError(`Project ${projectId} does not exist`);
  return state;
}
