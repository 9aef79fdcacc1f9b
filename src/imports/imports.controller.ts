import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, Actor, Allow, Sender } from '../auth/auth.decorators.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { QueryResponses, problem } from '../http/api-responses.js';
import type { ProblemDetails } from '../http/problem-details.js';
import { problemOf } from '../http/problem-kinds.js';
import { NDJSON_MEDIA_TYPE, progressLines, wantsProgressLines } from '../http/progress-lines.js';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../http/spreadsheet-bodies.js';
import { ReadConsistency } from '../projections/consistency.js';
import type { AccessScope } from '../shared/access-scope.js';
import { InvalidRequestError } from '../shared/errors.js';
import { ImportAnswer, ImportListAnswer } from './import-answers.dto.js';
import { ImportQueryDto, ImportListQueryDto, TemplateQueryDto } from './import-query.dto.js';
import { csvTemplate, xlsxTemplate } from './import-templates.js';
import { IMPORT_KINDS, type ImportKind } from './import.events.js';
import { UnsupportedFileTypeError } from './import-errors.js';
import { Importer, type ImportProgress, type ImportResult, type SpreadsheetFormat } from './importer.js';
import { ImportsListReader, type ImportPage } from './imports-list.reader.js';

/** An import's answer as JSON: positions as decimal strings, refusals as the problem details of the one-by-one API. */
export interface ImportAnswerBody {
  readonly importId: string;
  readonly dryRun: boolean;
  readonly kind: ImportKind;
  readonly rows: number;
  readonly summary: ImportResult['summary'];
  readonly results: readonly {
    line: number;
    outcome: 'new' | 'repeat' | 'refused';
    id: string;
    position?: string;
    problem?: ProblemDetails;
  }[];
  readonly position?: string;
}

const TEMPLATE_PATTERN = new RegExp(`^(${IMPORT_KINDS.join('|')})\\.(csv|xlsx)$`);

@ApiTags('imports')
@Controller('api/imports')
export class ImportsController {
  constructor(
    private readonly importer: Importer,
    private readonly list: ImportsListReader,
    private readonly consistency: ReadConsistency,
  ) {}

  @Post()
  @HttpCode(200)
  @Allow('coordinator', 'partner')
  @ApiOperation({
    summary:
      'Import a spreadsheet (CSV or XLSX, first sheet): each row is the command of the same name, ' +
      'with an Idempotency-Key derived from its content; dryRun=true writes nothing (ImportRecorded). ' +
      'With `Accept: application/x-ndjson`, once the file is checked the answer is NDJSON lines: ' +
      '`{"progress":{"done","total"}}` while the rows are applied, then `{"answer":…}` (this body), ' +
      'or `{"problem":…}` if the import failed after the first line',
  })
  @ApiConsumes(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @ApiBody({ description: 'The file, up to 20 MiB and 100,000 rows', schema: { type: 'string', format: 'binary' } })
  @QueryResponses(ImportAnswer, 'What became of each row: new, repeat, or refused with the problem details')
  @problem(403, 'The token may not import (auditors)')
  @problem(413, 'A file beyond 20 MiB or 100,000 rows, or an XLSX expanding beyond 256 MiB')
  @problem(415, 'A body that is neither text/csv nor an XLSX file')
  async import(
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Sender() sender: CommandSender,
  ): Promise<ImportAnswerBody | Readable> {
    const format = formatOf(request.headers['content-type']);
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw new InvalidRequestError([{ field: 'body', message: 'must be the file (an empty body holds no rows)' }]);
    }
    const run = (progress?: ImportProgress): Promise<ImportResult> =>
      this.importer.run(
        {
          kind: query.kind,
          dryRun: query.dryRun === 'true',
          format,
          bytes,
          ...(query.fileName === undefined ? {} : { fileName: query.fileName }),
          sender,
        },
        progress,
      );
    if (!wantsProgressLines(request.headers.accept)) return answerBody(await run());
    const lines = await progressLines(run, answerBody);
    void reply.header('content-type', `${NDJSON_MEDIA_TYPE}; charset=utf-8`).header('cache-control', 'no-store');
    return lines;
  }

  @Get()
  @Allow('coordinator', 'auditor', 'partner')
  @ApiOperation({ summary: 'The imports recorded, newest first, a page at a time (a partner: those of its MDEs)' })
  @QueryResponses(ImportListAnswer, 'A page of imports; pass `next` as `after` for the next one')
  async imports(
    @Query() query: ImportListQueryDto,
    @Access() access: AccessScope,
    @Actor() actor: string,
  ): Promise<ImportPage & { position: string }> {
    await this.consistency.reach(query.minPosition);
    const after = query.after === undefined ? undefined : this.consistency.storable(query.after, 'after');
    const page = this.list.page(access, actor, query.limit === undefined ? 100 : Number(query.limit), after);
    return { position: this.consistency.position(), ...page };
  }

  @Get('templates/:file')
  @Allow('coordinator', 'auditor', 'partner')
  @ApiOperation({ summary: 'The empty template of a kind, `{kind}.csv` or `{kind}.xlsx`, headers in French or Dutch' })
  @ApiParam({ name: 'file', description: '`{kind}.csv` or `{kind}.xlsx`', example: 'attendances.csv' })
  @QueryResponses(
    {
      content: {
        [CSV_MEDIA_TYPE]: { schema: { type: 'string' } },
        [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
      },
    },
    'The template',
  )
  async template(
    @Param('file') file: string,
    @Query() query: TemplateQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const match = TEMPLATE_PATTERN.exec(file);
    if (!match) {
      throw new InvalidRequestError([
        { field: 'file', message: `must be {kind}.csv or {kind}.xlsx, kind one of ${IMPORT_KINDS.join(', ')}` },
      ]);
    }
    const kind = match[1] as ImportKind;
    const language = query.lang ?? 'fr';
    const csv = match[2] === 'csv';
    const body = csv ? csvTemplate(kind, language) : await xlsxTemplate(kind, language);
    void reply
      .status(200)
      .header('content-type', csv ? `${CSV_MEDIA_TYPE}; charset=utf-8` : XLSX_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${kind}.${language}.${match[2]}"`)
      .send(body);
  }
}

function formatOf(contentType: string | undefined): SpreadsheetFormat {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === CSV_MEDIA_TYPE) return 'csv';
  if (mediaType === XLSX_MEDIA_TYPE) return 'xlsx';
  throw new UnsupportedFileTypeError(`An import is ${CSV_MEDIA_TYPE} or ${XLSX_MEDIA_TYPE}`);
}

function answerBody(result: ImportResult): ImportAnswerBody {
  return {
    importId: result.importId,
    dryRun: result.dryRun,
    kind: result.kind,
    rows: result.rows,
    summary: result.summary,
    results: result.results.map(({ line, outcome, id, position, refusal }) => ({
      line,
      outcome,
      id,
      ...(position === undefined ? {} : { position: position.toString() }),
      ...(refusal === undefined ? {} : { problem: problemOf(refusal).problem }),
    })),
    ...(result.position === undefined ? {} : { position: result.position.toString() }),
  };
}
