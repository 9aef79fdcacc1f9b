import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Allow } from '../auth/auth.decorators.js';
import { QueryResponses } from '../http/api-responses.js';
import { IdParamPipe } from '../http/request-validation.js';
import { ParticipantRosterProjection } from '../participants/read-model/participant-roster.projection.js';
import type { ParticipantRole } from '../participants/participant.events.js';
import { ReadConsistency, ReadQueryDto } from '../projections/consistency.js';
import type { Page, Positioned } from '../projections/keyset-page.js';
import { YearListQueryDto, pageRequest, yearOf } from '../projections/list-query.dto.js';
import { ProjectReadScope } from '../projects/read-model/project-read-scope.js';
import { requireFound } from '../auth/access-denied.error.js';
import type { AccessScope } from '../shared/access-scope.js';
import {
  SessionRegisterProjection,
  type SessionListing,
  type SessionRecord,
} from './read-model/session-register.projection.js';
import { ProjectParticipantPageSchema, SessionPageSchema, SessionRecordSchema } from './session-answers.dto.js';

interface ProjectParticipant {
  readonly participantId: string;
  readonly role: ParticipantRole;
  readonly registeredJobSeeker: boolean;
  readonly attendances: number;
}

/** Reading back the sessions and attendances recorded (docs/api.md, "Reading back what was recorded"). */
@ApiTags('sessions')
@Allow('coordinator', 'auditor', 'partner')
@Controller('api')
export class SessionRecordsController {
  constructor(
    private readonly scope: ProjectReadScope,
    private readonly consistency: ReadConsistency,
    private readonly register: SessionRegisterProjection,
    private readonly roster: ParticipantRosterProjection,
  ) {}

  @Get('projects/:id/sessions')
  @ApiOperation({ summary: "A project's sessions by date, cancelled ones included, with their counted attendances" })
  @QueryResponses(SessionPageSchema, "A page of the project's sessions", 'The project does not exist')
  async sessions(
    @Param('id', IdParamPipe) projectId: string,
    @Query() query: YearListQueryDto,
    @Access() access: AccessScope,
  ): Promise<Positioned<Page<SessionListing>>> {
    await this.scope.open(projectId, query.minPosition, access);
    return { ...this.register.sessions(projectId, yearOf(query), pageRequest(query)), position: this.scope.position() };
  }

  @Get('sessions/:id')
  @ApiOperation({ summary: 'A session as recorded, with everyone whose attendance was recorded' })
  @QueryResponses(SessionRecordSchema, 'The session as recorded', 'The session does not exist')
  async session(
    @Param('id', IdParamPipe) sessionId: string,
    @Query() query: ReadQueryDto,
    @Access() access: AccessScope,
  ): Promise<Positioned<SessionRecord>> {
    await this.consistency.reach(query.minPosition);
    const what = `Session ${sessionId}`;
    const session = requireFound(this.register.session(sessionId), access, what);
    // Refused as the session, not its project: the answer names nothing the partner did not.
    this.scope.require(session.projectId, access, what);
    return { ...session, position: this.consistency.position() };
  }

  @Get('projects/:id/participants')
  @ApiOperation({
    summary: "The participants with a counted attendance at one of the project's sessions, by id, with their role",
  })
  @QueryResponses(ProjectParticipantPageSchema, "A page of the project's participants", 'The project does not exist')
  async participants(
    @Param('id', IdParamPipe) projectId: string,
    @Query() query: YearListQueryDto,
    @Access() access: AccessScope,
  ): Promise<Positioned<Page<ProjectParticipant>>> {
    await this.scope.open(projectId, query.minPosition, access);
    const page = this.register.attendees(projectId, yearOf(query), pageRequest(query));
    const items = page.items.map(({ participantId, attendances }) => {
      // Attendance needs a registered participant: the roster names everyone the register counts.
      const participant = this.roster.find(participantId)!;
      return {
        participantId,
        role: participant.role,
        registeredJobSeeker: participant.registeredJobSeeker,
        attendances,
      };
    });
    return { items, next: page.next, position: this.scope.position() };
  }
}
