import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { requireAccess, requireFound, requireWithinScope } from '../auth/access-denied.error.js';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { RegisteredMdes } from '../mdes/registered-mdes.js';
import { ReadConsistency } from '../projections/consistency.js';
import { Clock } from '../shared/clock.js';
import { projectStream } from '../shared/domain/ids.js';
import { ProjectAccess } from './project-access.js';
import { projectDecider } from './project.decider.js';
import {
  DecideProjectCommand,
  GetProject,
  RecordOutreachCommand,
  SubmitProjectCommand,
  WriteNarrativeCommand,
  type ProjectAnswer,
} from './project.messages.js';
import { ProjectDetailsProjection } from './read-model/project-details.projection.js';

@CommandHandler(SubmitProjectCommand)
export class SubmitProjectHandler implements ICommandHandler<SubmitProjectCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly registry: RegisteredMdes,
  ) {}

  async execute({ data, sender }: SubmitProjectCommand) {
    requireWithinScope(sender.access, data.mdes, `Project ${data.projectId}`);
    const command = {
      type: 'SubmitProject',
      data,
      unregisteredMdes: await this.registry.unregistered(data.mdes),
    } as const;
    return this.executor.execute(projectStream(data.projectId), projectDecider, command, sender);
  }
}

@CommandHandler(DecideProjectCommand)
export class DecideProjectHandler implements ICommandHandler<DecideProjectCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: DecideProjectCommand) {
    await this.access.requireProject(data.projectId, sender.access);
    const command = { type: 'DecideProject', data } as const;
    return this.executor.execute(projectStream(data.projectId), projectDecider, command, sender);
  }
}

@CommandHandler(RecordOutreachCommand)
export class RecordOutreachHandler implements ICommandHandler<RecordOutreachCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: RecordOutreachCommand) {
    await this.access.requireProject(data.projectId, sender.access);
    const command = { type: 'RecordOutreach', data, today: this.clock.today() } as const;
    return this.executor.execute(projectStream(data.projectId), projectDecider, command, sender);
  }
}

@CommandHandler(WriteNarrativeCommand)
export class WriteNarrativeHandler implements ICommandHandler<WriteNarrativeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ data, sender }: WriteNarrativeCommand) {
    await this.access.requireProject(data.projectId, sender.access);
    const command = { type: 'WriteNarrative', data } as const;
    return this.executor.execute(projectStream(data.projectId), projectDecider, command, sender);
  }
}

@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject> {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  async execute({ projectId, minPosition, access }: GetProject): Promise<ProjectAnswer> {
    await this.consistency.reach(minPosition);
    const project = requireFound(this.projects.find(projectId), access, `Project ${projectId}`);
    requireAccess(access, project.mdes, `Project ${projectId}`);
    return { ...project, position: this.consistency.position() };
  }
}
