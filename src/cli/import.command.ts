import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { Command, CommandRunner, Option } from 'nest-commander';
import { Presets, SingleBar } from 'cli-progress';
import { ModuleRef } from '@nestjs/core';
import { FULL_ACCESS } from '../shared/access-scope.js';
import { IMPORT_KINDS, type ImportKind } from '../imports/import.events.js';
import { Importer, type ImportProgress, type ImportResult, type SpreadsheetFormat } from '../imports/importer.js';

interface ImportOptions {
  kind: ImportKind;
  dryRun?: boolean;
  url?: string;
  token?: string;
}

/** One row of the answer as printed: in-process results and the service's JSON alike. */
interface PrintedRow {
  readonly line: number;
  readonly outcome: 'new' | 'repeat' | 'refused';
  readonly id: string;
  readonly reason?: string;
}

interface PrintedAnswer {
  readonly importId: string;
  readonly dryRun: boolean;
  readonly rows: number;
  readonly summary: { readonly new: number; readonly repeat: number; readonly refused: number };
  readonly results: readonly PrintedRow[];
}

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The answer as progress lines, then the answer (docs/api.md, "Imports"). */
const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/**
 * `indicators import <file> --kind <kind> [--dry-run]`: in-process on DATA_DIR,
 * or against a running service with --url (and --token, or INDICATORS_TOKEN).
 * Exits 1 when a row was refused, after listing them.
 */
@Command({
  name: 'import',
  arguments: '<file>',
  description: 'Import a spreadsheet (CSV or XLSX): each row is the command of its kind; --dry-run writes nothing',
})
export class ImportCommand extends CommandRunner {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async run([file]: string[], options: ImportOptions): Promise<void> {
    if (file === undefined) throw new Error('Name the file to import');
    const bytes = readFileSync(file);
    const format: SpreadsheetFormat = /\.xlsx$/i.test(file) ? 'xlsx' : 'csv';
    const answer =
      options.url === undefined
        ? await this.inProcess(bytes, format, basename(file), options)
        : await remote(bytes, format, basename(file), options, options.url);
    print(answer);
    if (answer.summary.refused > 0) process.exitCode = 1;
  }

  private async inProcess(
    bytes: Buffer,
    format: SpreadsheetFormat,
    fileName: string,
    options: ImportOptions,
  ): Promise<PrintedAnswer> {
    const importer = this.modules.get(Importer, { strict: false });
    const bar = new RowsBar();
    try {
      const result = await importer.run(
        {
          kind: options.kind,
          dryRun: options.dryRun === true,
          format,
          bytes,
          fileName,
          sender: { actor: `cli:${userInfo().username}`, access: FULL_ACCESS },
        },
        bar.tell,
      );
      return printable(result);
    } finally {
      bar.stop();
    }
  }

  @Option({ flags: '--kind <kind>', description: `one of ${IMPORT_KINDS.join(', ')}`, required: true })
  parseKind(value: string): ImportKind {
    if (!(IMPORT_KINDS as readonly string[]).includes(value)) {
      throw new Error(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
    }
    return value as ImportKind;
  }

  @Option({ flags: '--dry-run', description: 'answer what the import would do, write nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--url <url>', description: 'a running service (else in-process on DATA_DIR)' })
  parseUrl(value: string): string {
    if (!/^https?:\/\/[^\s]+$/.test(value)) throw new Error('--url must be an http(s) URL');
    return value.replace(/\/+$/, '');
  }

  @Option({ flags: '--token <token>', description: 'the token for --url (else INDICATORS_TOKEN)' })
  parseToken(value: string): string {
    return value;
  }
}

/**
 * A bar on a terminal only: rows, rows/s and time left, from the first row
 * done. Piped output gets the summary alone.
 */
class RowsBar {
  private readonly bar = process.stderr.isTTY ? progressBar() : undefined;
  private started = false;

  readonly tell: ImportProgress = (done, total) => {
    if (!this.bar) return;
    if (this.started) {
      this.bar.update(done);
    } else {
      this.started = true;
      this.bar.start(total, done, { speed: 0 });
    }
  };

  stop(): void {
    if (this.started) this.bar?.stop();
  }
}

function progressBar(): SingleBar {
  return new SingleBar(
    {
      format: '{bar} {value}/{total} rows | {speed} rows/s | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 2000,
      fps: 5,
    },
    Presets.shades_classic,
  ).on('redraw-pre', function (this: SingleBar) {
    // cli-progress has no rate token: it is computed from the elapsed time.
    const payload = this as unknown as { startTime: number; value: number; payload: Record<string, unknown> };
    const seconds = (Date.now() - payload.startTime) / 1000;
    payload.payload.speed = seconds > 0 ? Math.round(payload.value / seconds) : 0;
  });
}

/**
 * The import sent to a running service, which answers in progress lines
 * (NDJSON): the bar follows them; until the first, the bytes sent and the wait.
 */
async function remote(
  bytes: Buffer,
  format: SpreadsheetFormat,
  fileName: string,
  options: ImportOptions,
  url: string,
): Promise<PrintedAnswer> {
  const token = options.token ?? process.env.INDICATORS_TOKEN;
  if (token === undefined) throw new Error('--url needs --token (or INDICATORS_TOKEN)');
  const query = new URLSearchParams({ kind: options.kind, dryRun: String(options.dryRun === true), fileName });
  const started = Date.now();
  const bar = new RowsBar();
  let waiting = process.stderr.isTTY
    ? setInterval(
        () =>
          process.stderr.write(`\rsent ${bytes.length} bytes, waiting ${Math.round((Date.now() - started) / 1000)} s`),
        500,
      )
    : undefined;
  const stopWaiting = (): void => {
    if (waiting === undefined) return;
    clearInterval(waiting);
    waiting = undefined;
    process.stderr.write('\n');
  };
  try {
    const response = await fetch(`${url}/api/imports?${query.toString()}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: `${NDJSON_MEDIA_TYPE}, application/json;q=0.5`,
        'content-type': format === 'xlsx' ? XLSX_MEDIA_TYPE : 'text/csv',
      },
      body: bytes,
    });
    if (!response.headers.get('content-type')?.startsWith(NDJSON_MEDIA_TYPE) || response.body === null) {
      const body = (await response.json()) as Record<string, unknown>;
      if (response.status !== 200) throw new Error(`The service answered ${response.status}: ${String(body.detail)}`);
      return fromJson(body);
    }
    const lines = createInterface({ input: Readable.fromWeb(response.body), crlfDelay: Infinity });
    for await (const line of lines) {
      const message = JSON.parse(line) as ProgressLine;
      if ('progress' in message) {
        stopWaiting();
        bar.tell(message.progress.done, message.progress.total);
      } else if ('answer' in message) {
        return fromJson(message.answer);
      } else {
        throw new Error(`The service answered ${message.problem.status}: ${message.problem.detail}`);
      }
    }
    throw new Error(
      'The service ended its answer before the import was done: list the imports to see whether it was recorded',
    );
  } finally {
    stopWaiting();
    bar.stop();
  }
}

type ProgressLine =
  | { readonly progress: { readonly done: number; readonly total: number } }
  | { readonly answer: Record<string, unknown> }
  | { readonly problem: { readonly status: number; readonly detail: string } };

function printable(result: ImportResult): PrintedAnswer {
  return {
    ...result,
    results: result.results.map(({ line, outcome, id, refusal }) => ({
      line,
      outcome,
      id,
      ...(refusal === undefined ? {} : { reason: `${refusal.kind}: ${refusal.message}` }),
    })),
  };
}

interface JsonRow {
  readonly line: number;
  readonly outcome: PrintedRow['outcome'];
  readonly id: string;
  readonly problem?: { readonly status: number; readonly detail: string };
}

function fromJson(body: Record<string, unknown>): PrintedAnswer {
  const answer = body as unknown as Omit<PrintedAnswer, 'results'> & { readonly results: readonly JsonRow[] };
  return {
    ...answer,
    results: answer.results.map(({ line, outcome, id, problem }) => ({
      line,
      outcome,
      id,
      ...(problem === undefined ? {} : { reason: `${problem.status}: ${problem.detail}` }),
    })),
  };
}

function print(answer: PrintedAnswer): void {
  const { summary } = answer;
  const verb = answer.dryRun
    ? 'dry run, nothing written'
    : summary.new === 0
      ? 'import, nothing new to write'
      : `import ${answer.importId}`;
  console.log(`${verb}: ${answer.rows} rows, ${summary.new} new, ${summary.repeat} repeat, ${summary.refused} refused`);
  const refused = answer.results.filter((row) => row.outcome === 'refused');
  if (refused.length === 0) return;
  console.log('refused rows:');
  for (const row of refused) console.log(`  line ${row.line}${row.id ? ` (${row.id})` : ''}: ${row.reason ?? ''}`);
}
