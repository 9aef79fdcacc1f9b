import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Allow, Sender } from '../auth/auth.decorators.js';
import type { AccessScope } from '../shared/access-scope.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { CommandResponses, QueryResponses } from '../http/api-responses.js';
import { answer, type CommandAnswer } from '../http/command-answer.js';
import { IdParamPipe } from '../http/request-validation.js';
import { ReadConsistency, ReadQueryDto } from '../projections/consistency.js';
import type { Page, Positioned } from '../projections/keyset-page.js';
import { pageRequest, yearOf } from '../projections/list-query.dto.js';
import { requireAccess } from '../auth/access-denied.error.js';
import { ProjectListQueryDto } from './dto/project-list-query.dto.js';
import { ProjectDirectoryProjection, type ProjectListing } from './read-model/project-directory.projection.js';
import { withoutAbsent } from '../shared/without-absent.js';
import { DecideProjectDto } from './dto/decide-project.dto.js';
import { RecordOutreachDto } from './dto/record-outreach.dto.js';
import { SubmitProjectDto } from './dto/submit-project.dto.js';
import { WriteNarrativeDto } from './dto/write-narrative.dto.js';
import {
  DecideProjectCommand,
  GetProject,
  RecordOutreachCommand,
  SubmitProjectCommand,
  WriteNarrativeCommand,
  type ProjectAnswer,
} from './project.messages.js';
import { ProjectAnswerSchema, ProjectPageSchema } from './project-answers.dto.js';

@ApiTags('projects')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried command recognisable' })
@Controller('api/projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
    private readonly directory: ProjectDirectoryProjection,
  ) {}

  @Post()
  @Allow('coordinator', 'partner')
  @ApiOperation({ summary: 'Submit a project (ProjectSubmitted)' })
  @CommandResponses()
  async submit(
    @Body() body: SubmitProjectDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const { id, carrier, targets, ...submission } = body;
    const data = withoutAbsent({
      projectId: id,
      ...submission,
      carrier: { name: carrier.name, type: carrier.type },
      targets: targets && withoutAbsent({ ...targets }),
    });
    return answer(reply, id, await this.commands.execute(new SubmitProjectCommand(data, sender)));
  }

  @Post(':id/decision')
  @ApiOperation({
    summary: 'Approve or reject a submitted project, once (ProjectApproved / ProjectRejected); coordinators only',
  })
  @CommandResponses('The project does not exist')
  async decide(
    @Param('id', IdParamPipe) id: string,
    @Body() body: DecideProjectDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const data = withoutAbsent({ projectId: id, ...body });
    return answer(reply, id, await this.commands.execute(new DecideProjectCommand(data, sender)));
  }

  @Post(':id/outreach')
  @Allow('coordinator', 'partner')
  @ApiOperation({ summary: 'Record people or companies contacted by an approved project (OutreachRecorded)' })
  @CommandResponses('The project does not exist')
  async outreach(
    @Param('id', IdParamPipe) id: string,
    @Body() body: RecordOutreachDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const { id: outreachId, ...outreach } = body;
    const command = new RecordOutreachCommand({ projectId: id, outreachId, ...outreach }, sender);
    return answer(reply, outreachId, await this.commands.execute(command));
  }

  @Post(':id/narrative')
  @Allow('coordinator', 'partner')
  @ApiOperation({ summary: "Write the project's story for a year's report (ProjectNarrativeWritten)" })
  @CommandResponses('The project does not exist')
  async narrative(
    @Param('id', IdParamPipe) id: string,
    @Body() body: WriteNarrativeDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const command = new WriteNarrativeCommand({ projectId: id, year: body.year, text: body.text }, sender);
    return answer(reply, id, await this.commands.execute(command));
  }

  @Get()
  @Allow('coordinator', 'auditor', 'partner')
  @ApiOperation({
    summary: 'The projects, by id, filtered by year, MDE and status; a partner sees the projects of its MDEs',
  })
  @QueryResponses(ProjectPageSchema, 'A page of the projects')
  async list(
    @Query() query: ProjectListQueryDto,
    @Access() access: AccessScope,
  ): Promise<Positioned<Page<ProjectListing>>> {
    await this.consistency.reach(query.minPosition);
    if (query.mde !== undefined) requireAccess(access, [query.mde], `The MDE ${query.mde}`);
    const filter = { year: yearOf(query), mde: query.mde ?? null, status: query.status ?? null };
    return { ...this.directory.page(filter, access, pageRequest(query)), position: this.consistency.position() };
  }

  @Get(':id')
  @Allow('coordinator', 'auditor', 'partner')
  @ApiOperation({ summary: 'The project as recorded: submission, status, decision, narratives, revision' })
  @QueryResponses(ProjectAnswerSchema, 'The project as recorded', 'The project does not exist')
  find(
    @Param('id', IdParamPipe) id: string,
    @Query() query: ReadQueryDto,
    @Access() access: AccessScope,
  ): Promise<ProjectAnswer> {
    return this.queries.execute(new GetProject(id, query.minPosition, access));
  }
}
