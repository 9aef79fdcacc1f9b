import { RuleViolationError } from './errors.js';

/** What a decider needs to know about a project it does not own. */
export interface ProjectFacts {
  readonly projectId: string;
  readonly status: 'submitted' | 'approved' | 'rejected';
  readonly mdes: readonly string[];
}

/** Sessions, outreach and stages can only be recorded for an approved project (docs/domain.md). */
export function requireApprovedProject(project: ProjectFacts | null, projectId: string, what: string): void {
  if (!project) throw new RuleViolationError(`Project ${projectId} does not exist`);
  if (project.status !== 'approved') {
    throw new RuleViolationError(
      `${what} can only be recorded for an approved project; project ${projectId} is ${project.status}`,
    );
  }
}

export function requireExistingProject(project: ProjectFacts | null, projectId: string): void {
  if (!project) throw new RuleViolationError(`Project ${projectId} does not exist`);
}
