import { Query } from '@nestjs/cqrs';
import { CommandMessage } from '../command-handling/command-message.js';
import { FULL_ACCESS, type AccessScope } from '../shared/access-scope.js';
import type { DecideProject } from './project.commands.js';
import type { NarrativeData, OutreachData, ProjectSubmission } from './project.events.js';
import type { ProjectDetails } from './read-model/project-details.projection.js';

/** What the projects feature takes on the command and query buses. */
export class SubmitProjectCommand extends CommandMessage<ProjectSubmission> {}

export class DecideProjectCommand extends CommandMessage<DecideProject['data']> {}

export class RecordOutreachCommand extends CommandMessage<OutreachData> {}

export class WriteNarrativeCommand extends CommandMessage<NarrativeData> {}

export type ProjectAnswer = ProjectDetails & { readonly position: string };

export class GetProject extends Query<ProjectAnswer> {
  constructor(
    readonly projectId: string,
    readonly minPosition?: string,
    readonly access: AccessScope = FULL_ACCESS,
  ) {
    super();
  }
}
