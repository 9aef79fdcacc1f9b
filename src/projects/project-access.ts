import { Injectable } from '@nestjs/common';
import { requireAccess, requireFound } from '../auth/access-denied.error.js';
import { CommandExecutor } from '../command-handling/command-executor.js';
import type { AccessScope } from '../shared/access-scope.js';
import { projectStream } from '../shared/domain/ids.js';
import type { ProjectFacts } from '../shared/domain/project-facts.js';
import { projectDecider, projectFacts } from './project.decider.js';

/**
 * Loads the project a command refers to and checks that the sender may act on
 * it. An unknown project is left to the decider, which answers 404 or 422 as
 * the contract says, but for a partner: to a partner, an unknown project is
 * refused as one outside its scope (no oracle of what exists).
 */
@Injectable()
export class ProjectAccess {
  constructor(private readonly executor: CommandExecutor) {}

  async project(projectId: string, access: AccessScope): Promise<ProjectFacts | null> {
    const facts = projectFacts(await this.executor.state(projectStream(projectId), projectDecider));
    if (access.kind === 'all') return facts;
    requireAccess(access, requireFound(facts, access, `Project ${projectId}`).mdes, `Project ${projectId}`);
    return facts;
  }

  /** Checks that the sender may act on the project, for a command that needs nothing else of it. */
  async requireProject(projectId: string, access: AccessScope): Promise<void> {
    if (access.kind === 'all') return;
    await this.project(projectId, access);
  }
}
