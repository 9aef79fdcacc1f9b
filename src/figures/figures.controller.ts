import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Allow } from '../auth/auth.decorators.js';
import { reaches, type AccessScope } from '../shared/access-scope.js';
import { QueryResponses } from '../http/api-responses.js';
import { IdParamPipe, MdeParamPipe, YearParamPipe } from '../http/request-validation.js';
import { AccessDeniedError, requireAccess } from '../auth/access-denied.error.js';
import { ProjectDetailsProjection } from '../projects/read-model/project-details.projection.js';
import { ReadQueryDto } from '../projections/consistency.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { YearCorrections, type Correction } from './corrections/corrections.js';
import { FiguresQueryDto, ProvenanceQueryDto, historyPoint } from './history/history-query.dto.js';
import type { FiguresScope } from './history/figures-history.js';
import { FigureProvenance, type Provenance } from './provenance/figure-provenance.js';
import { requireFigureName } from './provenance/figure-names.js';
import {
  GetMdeFigures,
  GetProgrammeFigures,
  GetProjectFigures,
  type MdeFiguresAnswer,
  type ProgrammeFiguresAnswer,
  type ProjectFiguresAnswer,
} from './figures.queries.js';

@ApiTags('figures')
@Allow('coordinator', 'auditor', 'partner')
@Controller('api/figures')
export class FiguresController {
  constructor(
    private readonly queries: QueryBus,
    private readonly provenance: FigureProvenance,
    private readonly corrections: YearCorrections,
    private readonly projects: ProjectDetailsProjection,
  ) {}

  @Get(':year')
  @ApiOperation({ summary: "The programme's figures of a year: projects by stage, and all activity dated in the year" })
  @QueryResponses()
  programme(
    @Param('year', YearParamPipe) year: number,
    @Query() query: FiguresQueryDto,
    @Access() access: AccessScope,
  ): Promise<ProgrammeFiguresAnswer> {
    return this.queries.execute(new GetProgrammeFigures(year, query.minPosition, historyPoint(query), access));
  }

  @Get(':year/projects/:projectId')
  @ApiOperation({ summary: "One project's figures of a year" })
  @QueryResponses('The project does not exist')
  project(
    @Param('year', YearParamPipe) year: number,
    @Param('projectId', IdParamPipe) projectId: string,
    @Query() query: FiguresQueryDto,
    @Access() access: AccessScope,
  ): Promise<ProjectFiguresAnswer> {
    return this.queries.execute(new GetProjectFigures(year, projectId, query.minPosition, historyPoint(query), access));
  }

  @Get(':year/mdes/:mde')
  @ApiOperation({ summary: 'The programme figures restricted to the projects an MDE takes part in' })
  @QueryResponses('No project names this MDE')
  mde(
    @Param('year', YearParamPipe) year: number,
    @Param('mde', MdeParamPipe) mde: string,
    @Query() query: FiguresQueryDto,
    @Access() access: AccessScope,
  ): Promise<MdeFiguresAnswer> {
    return this.queries.execute(new GetMdeFigures(year, mde, query.minPosition, historyPoint(query), access));
  }

  @Get(':year/provenance')
  @ApiOperation({ summary: 'The events that make up a programme figure; their counts add up to it' })
  @QueryResponses()
  programmeProvenance(
    @Param('year', YearParamPipe) year: number,
    @Query() query: ProvenanceQueryDto,
    @Access() access: AccessScope,
  ): Promise<Provenance & { year: number; figure: string }> {
    if (access.kind !== 'all') throw new AccessDeniedError("The programme's figures cover every MDE");
    return this.explain({ kind: 'programme' }, year, query);
  }

  @Get(':year/projects/:projectId/provenance')
  @ApiOperation({
    summary: "The events that make up a project's figure; for a distinct count, the event that first counted each item",
  })
  @QueryResponses('The project does not exist')
  projectProvenance(
    @Param('year', YearParamPipe) year: number,
    @Param('projectId', IdParamPipe) projectId: string,
    @Query() query: ProvenanceQueryDto,
    @Access() access: AccessScope,
  ): Promise<Provenance & { year: number; figure: string }> {
    const project = this.projects.find(projectId);
    if (!project) throw new NotFoundError(`Project ${projectId} does not exist`);
    requireAccess(access, project.mdes, `Project ${projectId}`);
    return this.explain({ kind: 'project', projectId }, year, query);
  }

  @Get(':year/mdes/:mde/provenance')
  @ApiOperation({ summary: "The events that make up an MDE's figure" })
  @QueryResponses()
  mdeProvenance(
    @Param('year', YearParamPipe) year: number,
    @Param('mde', MdeParamPipe) mde: string,
    @Query() query: ProvenanceQueryDto,
    @Access() access: AccessScope,
  ): Promise<Provenance & { year: number; figure: string }> {
    if (!reaches(access, [mde])) throw new AccessDeniedError(`The MDE ${mde} is outside this token's scope`);
    return this.explain({ kind: 'mde', mde }, year, query);
  }

  @Get(':year/corrections')
  @Allow('coordinator', 'auditor')
  @ApiOperation({
    summary: 'The cancellations and retractions of a year: reason, actor, time, and the figures they changed',
  })
  @QueryResponses()
  async yearCorrections(
    @Param('year', YearParamPipe) year: number,
    @Query() query: ReadQueryDto,
  ): Promise<{ year: number; corrections: Correction[] }> {
    return { year, corrections: await this.corrections.list(year, query.minPosition) };
  }

  private async explain(
    scope: FiguresScope,
    year: number,
    query: ProvenanceQueryDto,
  ): Promise<Provenance & { year: number; figure: string }> {
    requireFigureName(query.figure, scope.kind);
    const point = historyPoint(query);
    const provenance = await this.provenance.explain(scope, year, query.figure, query.minPosition, point);
    return { year, figure: query.figure, ...provenance };
  }
}
