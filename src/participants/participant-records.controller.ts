import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Allow } from '../auth/auth.decorators.js';
import { QueryResponses } from '../http/api-responses.js';
import { IdParamPipe } from '../http/request-validation.js';
import { ReadConsistency, ReadQueryDto } from '../projections/consistency.js';
import type { Page, Positioned } from '../projections/keyset-page.js';
import { YearListQueryDto, pageRequest, yearOf } from '../projections/list-query.dto.js';
import { ProjectReadScope } from '../projects/read-model/project-read-scope.js';
import { NotFoundError } from '../shared/domain/errors.js';
import type { AccessScope } from '../shared/access-scope.js';
import {
  OutcomePageSchema,
  OutreachPageSchema,
  ParticipantRecordSchema,
  StagePageSchema,
} from './participant-answers.dto.js';
import { ParticipantRosterProjection, type ParticipantRecord } from './read-model/participant-roster.projection.js';
import { ProjectEntriesProjection, type EntriesOf, type EntryKind } from './read-model/project-entries.projection.js';

/** Reading back participants, and the stages, outreach and outcomes of a project. */
@ApiTags('participants')
@Allow('coordinator', 'auditor', 'partner')
@Controller('api')
export class ParticipantRecordsController {
  constructor(
    private readonly scope: ProjectReadScope,
    private readonly consistency: ReadConsistency,
    private readonly roster: ParticipantRosterProjection,
    private readonly entries: ProjectEntriesProjection,
  ) {}

  @Get('participants/:id')
  @ApiOperation({ summary: 'A participant as registered; ids are pseudonymous, so every role may read it' })
  @QueryResponses(ParticipantRecordSchema, 'The participant as registered', 'The participant does not exist')
  async participant(
    @Param('id', IdParamPipe) participantId: string,
    @Query() query: ReadQueryDto,
  ): Promise<Positioned<ParticipantRecord>> {
    await this.consistency.reach(query.minPosition);
    const participant = this.roster.find(participantId);
    if (!participant) throw new NotFoundError(`Participant ${participantId} does not exist`);
    return { ...participant, position: this.consistency.position() };
  }

  @Get('projects/:id/stages')
  @ApiOperation({ summary: "A project's stages as recorded, by start date" })
  @QueryResponses(StagePageSchema, "A page of the project's stages", 'The project does not exist')
  stages(@Param('id', IdParamPipe) projectId: string, @Query() query: YearListQueryDto, @Access() access: AccessScope) {
    return this.list('stages', projectId, query, access);
  }

  @Get('projects/:id/outreach')
  @ApiOperation({ summary: "A project's outreach as recorded, by date" })
  @QueryResponses(OutreachPageSchema, "A page of the project's outreach", 'The project does not exist')
  outreach(
    @Param('id', IdParamPipe) projectId: string,
    @Query() query: YearListQueryDto,
    @Access() access: AccessScope,
  ) {
    return this.list('outreach', projectId, query, access);
  }

  @Get('projects/:id/outcomes')
  @ApiOperation({ summary: "A project's outcomes as recorded, by date" })
  @QueryResponses(OutcomePageSchema, "A page of the project's outcomes", 'The project does not exist')
  outcomes(
    @Param('id', IdParamPipe) projectId: string,
    @Query() query: YearListQueryDto,
    @Access() access: AccessScope,
  ) {
    return this.list('outcomes', projectId, query, access);
  }

  private async list<Kind extends EntryKind>(
    kind: Kind,
    projectId: string,
    query: YearListQueryDto,
    access: AccessScope,
  ): Promise<Positioned<Page<EntriesOf[Kind]>>> {
    await this.scope.open(projectId, query.minPosition, access);
    return {
      ...this.entries.page(kind, projectId, yearOf(query), pageRequest(query)),
      position: this.scope.position(),
    };
  }
}
