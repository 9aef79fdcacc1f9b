import { Injectable } from '@nestjs/common';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { ProjectAccess } from '../projects/project-access.js';
import type { AccessScope } from '../shared/access-scope.js';
import { sessionStream } from '../shared/domain/ids.js';
import { sessionDecider } from './session.decider.js';

/**
 * Checks that the sender may act on the project of the session a command
 * refers to. An unknown session is left to the decider, which answers 404.
 */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly projects: ProjectAccess,
  ) {}

  async requireSession(sessionId: string, access: AccessScope): Promise<void> {
    if (access.kind === 'all') return;
    const session = await this.executor.state(sessionStream(sessionId), sessionDecider);
    if (session.status !== 'absent') await this.projects.project(session.held.data.projectId, access);
  }
}
