import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Actor, Allow } from '../auth/auth.decorators.js';
import type { AccessScope } from '../shared/access-scope.js';
import { QueryResponses } from '../http/api-responses.js';
import { InvalidRequestError } from '../shared/errors.js';
import { IdParamPipe, MdeParamPipe, YearParamPipe } from '../http/request-validation.js';
import { ReadQueryDto } from '../projections/consistency.js';
import { YearCorrections, type Correction } from './corrections/corrections.js';
import { figureNamed, type NamedFigure } from './figure-definitions.js';
import type { FiguresRequest } from './figures-gate.js';
import {
  GetMdeFigures,
  GetProgrammeFigures,
  GetProjectFigures,
  type MdeFiguresAnswer,
  type ProgrammeFiguresAnswer,
  type ProjectFiguresAnswer,
} from './figures.messages.js';
import { FiguresQueryDto, ProvenanceQueryDto, historyPoint } from './history/history-query.dto.js';
import type { FiguresScope } from './history/figures-history.js';
import { FigureProvenance, PROVENANCE_PAGE, type Provenance } from './provenance/figure-provenance.js';
import {
  CorrectionsAnswer,
  MdeFiguresSchema,
  ProgrammeFiguresSchema,
  ProjectFiguresSchema,
  ProvenanceAnswer,
} from './figures-answers.dto.js';

type Explained = Provenance & { year: number; figure: string };

@ApiTags('figures')
@Allow('coordinator', 'auditor', 'partner')
@Controller('api/figures')
export class FiguresController {
  constructor(
    private readonly queries: QueryBus,
    private readonly provenance: FigureProvenance,
    private readonly corrections: YearCorrections,
  ) {}

  @Get(':year')
  @ApiOperation({ summary: "The programme's figures of a year: projects by stage, and all activity dated in the year" })
  @QueryResponses(ProgrammeFiguresSchema, 'The figures of the programme')
  programme(
    @Param('year', YearParamPipe) year: number,
    @Query() query: FiguresQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<ProgrammeFiguresAnswer> {
    return this.queries.execute(new GetProgrammeFigures(request({ kind: 'programme' }, year, query, access, actor)));
  }

  @Get(':year/projects/:projectId')
  @ApiOperation({ summary: "One project's figures of a year" })
  @QueryResponses(ProjectFiguresSchema, "The project's figures", 'The project does not exist')
  project(
    @Param('year', YearParamPipe) year: number,
    @Param('projectId', IdParamPipe) projectId: string,
    @Query() query: FiguresQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<ProjectFiguresAnswer> {
    return this.queries.execute(
      new GetProjectFigures(request({ kind: 'project', projectId }, year, query, access, actor)),
    );
  }

  @Get(':year/mdes/:mde')
  @ApiOperation({ summary: 'The programme figures restricted to the projects an MDE takes part in' })
  @QueryResponses(MdeFiguresSchema, "The MDE's figures", 'No project names this MDE')
  mde(
    @Param('year', YearParamPipe) year: number,
    @Param('mde', MdeParamPipe) mde: string,
    @Query() query: FiguresQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<MdeFiguresAnswer> {
    return this.queries.execute(new GetMdeFigures(request({ kind: 'mde', mde }, year, query, access, actor)));
  }

  @Get(':year/provenance')
  @ApiOperation({ summary: 'The events that make up a programme figure; their counts add up to it' })
  @QueryResponses(ProvenanceAnswer, 'The events that make up the figure')
  programmeProvenance(
    @Param('year', YearParamPipe) year: number,
    @Query() query: ProvenanceQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<Explained> {
    return this.explain(request({ kind: 'programme' }, year, query, access, actor), query);
  }

  @Get(':year/projects/:projectId/provenance')
  @ApiOperation({
    summary: "The events that make up a project's figure; for a distinct count, the event that first counted each item",
  })
  @QueryResponses(ProvenanceAnswer, 'The events that make up the figure', 'The project does not exist')
  projectProvenance(
    @Param('year', YearParamPipe) year: number,
    @Param('projectId', IdParamPipe) projectId: string,
    @Query() query: ProvenanceQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<Explained> {
    return this.explain(request({ kind: 'project', projectId }, year, query, access, actor), query);
  }

  @Get(':year/mdes/:mde/provenance')
  @ApiOperation({ summary: "The events that make up an MDE's figure" })
  @QueryResponses(ProvenanceAnswer, 'The events that make up the figure', 'No project names this MDE')
  mdeProvenance(
    @Param('year', YearParamPipe) year: number,
    @Param('mde', MdeParamPipe) mde: string,
    @Query() query: ProvenanceQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<Explained> {
    return this.explain(request({ kind: 'mde', mde }, year, query, access, actor), query);
  }

  @Get(':year/corrections')
  @Allow('coordinator', 'auditor')
  @ApiOperation({
    summary: 'The cancellations and retractions of a year: reason, actor, time, and the figures they changed',
  })
  @QueryResponses(CorrectionsAnswer, "The year's corrections, in log order")
  async yearCorrections(
    @Param('year', YearParamPipe) year: number,
    @Query() query: ReadQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<{ year: number; corrections: Correction[] }> {
    return { year, corrections: await this.corrections.list(year, query.minPosition, access, actor) };
  }

  private async explain<Scope extends FiguresScope>(
    request: FiguresRequest & { scope: Scope },
    { figure, limit, after }: ProvenanceQueryDto,
  ): Promise<Explained> {
    const named = requireFigure(figure, request.scope.kind);
    const page = { limit: limit === undefined ? PROVENANCE_PAGE.default : Number(limit), after };
    return { year: request.year, figure, ...(await this.provenance.explain(request, named, page)) };
  }
}

function request<Scope extends FiguresScope>(
  scope: Scope,
  year: number,
  query: FiguresQueryDto,
  access: AccessScope,
  actor: string,
): FiguresRequest & { scope: Scope } {
  return { scope, year, minPosition: query.minPosition, point: historyPoint(query), access, actor };
}

/** The figure the `figure` parameter names in the scope, with a hint when it names none. */
function requireFigure(figure: string, scope: FiguresScope['kind']): NamedFigure {
  const named = figureNamed(figure, scope);
  if (named && named.definition.counting.kind !== 'ratio') return named;
  const { counting } = named?.definition ?? {};
  const hint =
    counting?.kind === 'ratio'
      ? `it is the ratio of ${counting.numerator} to ${counting.denominator}: ask for those`
      : `expected a figure such as participants, sessionsByKind.workshop, outreach.people${scope === 'project' ? '' : ', projects.approved.count'}`;
  throw new InvalidRequestError([{ field: 'figure', message: `not a figure of this scope: ${hint}` }]);
}
