import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Allow } from '../auth/auth.decorators.js';
import type { AccessScope } from '../auth/principal.js';
import { QueryResponses } from '../http/api-responses.js';
import { IdParamPipe, MdeParamPipe, YearParamPipe } from '../http/request-validation.js';
import { ReadQueryDto } from '../projections/consistency.js';
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
  constructor(private readonly queries: QueryBus) {}

  @Get(':year')
  @ApiOperation({ summary: "The programme's figures of a year: projects by stage, and all activity dated in the year" })
  @QueryResponses()
  programme(
    @Param('year', YearParamPipe) year: number,
    @Query() query: ReadQueryDto,
    @Access() access: AccessScope,
  ): Promise<ProgrammeFiguresAnswer> {
    return this.queries.execute(new GetProgrammeFigures(year, query.minPosition, access));
  }

  @Get(':year/projects/:projectId')
  @ApiOperation({ summary: "One project's figures of a year" })
  @QueryResponses('The project does not exist')
  project(
    @Param('year', YearParamPipe) year: number,
    @Param('projectId', IdParamPipe) projectId: string,
    @Query() query: ReadQueryDto,
    @Access() access: AccessScope,
  ): Promise<ProjectFiguresAnswer> {
    return this.queries.execute(new GetProjectFigures(year, projectId, query.minPosition, access));
  }

  @Get(':year/mdes/:mde')
  @ApiOperation({ summary: 'The programme figures restricted to the projects an MDE takes part in' })
  @QueryResponses('No project names this MDE')
  mde(
    @Param('year', YearParamPipe) year: number,
    @Param('mde', MdeParamPipe) mde: string,
    @Query() query: ReadQueryDto,
    @Access() access: AccessScope,
  ): Promise<MdeFiguresAnswer> {
    return this.queries.execute(new GetMdeFigures(year, mde, query.minPosition, access));
  }
}
