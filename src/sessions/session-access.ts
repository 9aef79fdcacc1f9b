import { Injectable } from '@nestjs/common';
import { requireAccess, requireFound } from '../auth/access-denied.error.js';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { ProjectAccess } from '../projects/project-access.js';
import { FULL_ACCESS, type AccessScope } from '../shared/access-scope.js';
import { sessionStream } from '../shared/domain/ids.js';
import { sessionDecider } from './session.decider.js';

/**
 * Checks that the sender may act on the project of the session a command
 * refers to. An unknown session is refused to a partner as one outside its
 * scope; for the others it is left to the decider, which answers 404.
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
    const held = requireFound(session.status === 'absent' ? null : session.held, access, `Session ${sessionId}`);
    const project = await this.projects.project(held.data.projectId, FULL_ACCESS);
    // Refused as the session, not its project: the answer names nothing the partner did not.
    requireAccess(access, project?.mdes ?? [], `Session ${sessionId}`);
  }
}
