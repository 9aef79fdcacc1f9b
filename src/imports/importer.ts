import { Inject, Injectable } from '@nestjs/common';
import { createHash, hash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { CommandExecutor } from '../command-handling/command-executor.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { timeOrderedUuid } from '../command-handling/time-ordered-uuid.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { projectDecider, projectFacts } from '../projects/project.decider.js';
import { sessionDecider } from '../sessions/session.decider.js';
import { FULL_ACCESS } from '../shared/access-scope.js';
import { Clock } from '../shared/clock.js';
import { projectStream, sessionStream } from '../shared/domain/ids.js';
import { canonicalJson } from '../shared/domain/same-content.js';
import { DryRunEventStore } from './dry-run-event-store.js';
import { importCommandPath, type CommandPath } from './import-command-path.js';
import { importRows, rowsChecked, type ImportRow } from './import-columns.js';
import { IMPORT_KIND_DEFINITIONS, type RowValues, type SenderFor } from './import-kinds.js';
import { importDecider } from './import.decider.js';
import { importStream, type ImportCounts, type ImportKind } from './import.events.js';
import { ROW_VALIDATION, type RowValidation } from './row-validation.js';
import { csvSheet } from './spreadsheets/csv-sheet.js';
import type { Sheet } from './spreadsheets/sheet.js';
import { StreamOrder } from './stream-order.js';
import { rowGroups } from './row-groups.js';
import { RowProgress, type RowResult } from './row-progress.js';
import { RowResults } from './row-results.js';

export type { RowResult } from './row-progress.js';
export type { RowResults } from './row-results.js';

export type SpreadsheetFormat = 'csv' | 'xlsx';

export interface ImportRequest {
  readonly kind: ImportKind;
  readonly dryRun: boolean;
  readonly format: SpreadsheetFormat;
  readonly bytes: Buffer;
  readonly fileName?: string;
  readonly sender: CommandSender;
}

export interface ImportResult {
  readonly importId: string;
  readonly dryRun: boolean;
  readonly kind: ImportKind;
  readonly rows: number;
  readonly summary: Omit<ImportCounts, 'rows'>;
  readonly results: RowResults;
  /** Position of the ImportRecorded event, when the import wrote rows. */
  readonly position?: bigint;
}

/** Told how many rows are done, out of how many. */
export type ImportProgress = (done: number, total: number) => void;

/**
 * Rows in flight at once: enough to fill the store's group commits when a
 * sheet lists each session's rows together (a session's rows run one after the
 * other), few enough to bound memory.
 */
const ROWS_IN_FLIGHT = 1024;

/**
 * An import: the file read and checked whole first (format, columns, cells,
 * rows) keeping nothing, then read again, each row sent as it is parsed through
 * the one-by-one API's command path with an Idempotency-Key derived from its
 * content, in file order where rows share a stream. A dry run does the same
 * against a store that keeps its writes in memory.
 */
@Injectable()
export class Importer {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly schemas: EventSchemas,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ROW_VALIDATION) private readonly validation: RowValidation,
  ) {}

  async run(request: ImportRequest, progress?: ImportProgress): Promise<ImportResult> {
    const definition = IMPORT_KIND_DEFINITIONS[request.kind];
    const sheet = await openSheet(request.format, request.bytes);
    // Refused files are refused here, before any write; no row is kept.
    let rows = 0;
    const checkingTurnDue = turnDue();
    for await (const _row of sheet.rows(rowsChecked(definition))) {
      rows += 1;
      if (checkingTurnDue(1)) await setImmediate();
    }
    const importId = timeOrderedUuid();
    const headAtStart = (await this.store.headPosition()) ?? 0n;
    const executor = request.dryRun
      ? new CommandExecutor(new DryRunEventStore(this.store), this.clock, this.schemas)
      : this.executor;
    const results = new RowResults(rows);
    // What a dry run would write has no position yet.
    const shown = request.dryRun
      ? (result: RowResult) =>
          result.position !== undefined && result.position > headAtStart ? omitPosition(result) : result
      : (result: RowResult) => result;
    const owners = await this.applyAll(sheet, request, importId, importCommandPath(executor, this.clock), {
      written: (index, result) => results.set(index, shown(result)),
      progress: (done) => progress?.(done, rows),
    });
    const { summary } = results;
    const answer = { importId, dryRun: request.dryRun, kind: request.kind, rows, summary, results };
    if (request.dryRun || summary.new === 0) return answer;
    const position = await this.record(request, answer, owners);
    return { ...answer, position };
  }

  /**
   * Applies the sheet's rows as they are read, a bounded number in flight, and
   * tells each row's result; answers the owners of what the rows wrote (an
   * attendance's session, an activity's project), for the import's MDEs.
   */
  private async applyAll(
    sheet: Sheet,
    request: ImportRequest,
    importId: string,
    path: CommandPath,
    told: { written(index: number, result: RowResult): void; progress(done: number): void },
  ): Promise<Set<string>> {
    const definition = IMPORT_KIND_DEFINITIONS[request.kind];
    const order = new StreamOrder();
    const owners = new Set<string>();
    // A slot is freed as each group finishes: one waiter, not a race over every group in flight.
    let inFlight = 0;
    let freed: (() => void) | undefined;
    let done = 0;
    const applyingTurnDue = turnDue();
    let failure: { error: unknown } | undefined;
    const finished = (size: number): void => {
      inFlight -= size;
      freed?.();
    };
    for await (const group of rowGroups(sheet.rows(importRows(definition)), definition)) {
      if (failure) break;
      inFlight += group.rows.length;
      const senders = group.rows.map((row) => rowSender(request, importId, row.line));
      void order
        .run(group.streams, () => this.applyGroup(group.rows, request.kind, senders, path))
        .then(
          (groupResults) => {
            for (const [index, result] of groupResults.entries()) {
              told.written(group.start + index, result);
              if (result.outcome === 'new') ownerOf(request.kind, group.rows[index]!.values, owners);
            }
            told.progress((done += groupResults.length));
          },
          (error: unknown) => {
            failure ??= { error };
          },
        )
        .finally(() => finished(group.rows.length));
      while (inFlight >= ROWS_IN_FLIGHT) await new Promise<void>((resolve) => (freed = resolve));
      if (applyingTurnDue(group.rows.length)) await setImmediate();
    }
    while (inFlight > 0) await new Promise<void>((resolve) => (freed = resolve));
    if (failure) throw failure.error;
    return owners;
  }

  /**
   * A group's rows as one by one, in file order: each row's first steps (an
   * attendance's registration), then the last steps of the rows still standing,
   * together (one append for a session's attendances). Rows of a group share
   * no stream but the first, so neither order can change what a row sees.
   */
  private async applyGroup(
    rows: readonly ImportRow[],
    kind: ImportKind,
    senders: readonly SenderFor[],
    path: CommandPath,
  ): Promise<RowResult[]> {
    const definition = IMPORT_KIND_DEFINITIONS[kind];
    const applied = await Promise.all(
      rows.map(async (row, index) => {
        const progress = new RowProgress(row, definition.idOf(row.values));
        try {
          const { id, steps } = await definition.commands(row.values, this.validation, senders[index]!);
          progress.id = id;
          progress.steps = steps;
        } catch (error) {
          progress.refuse(error);
        }
        return progress;
      }),
    );
    const firstSteps = applied.filter((row) => row.standing && row.steps.length > 1);
    for (let step = 0; firstSteps.some((row) => row.steps.length - 1 > step); step++) {
      const taking = firstSteps.filter((row) => row.standing && row.steps.length - 1 > step);
      const outcomes = await Promise.allSettled(taking.map((row) => path.dispatch(row.steps[step]!)));
      outcomes.forEach((outcome, index) => taking[index]!.settle(outcome));
    }
    const last = applied.filter((row) => row.standing);
    const outcomes = await path.dispatchAll(last.map((row) => row.steps[row.steps.length - 1]!));
    outcomes.forEach((outcome, index) => last[index]!.settle(outcome));
    return applied.map((row) => row.result());
  }

  private async record(request: ImportRequest, answer: Omit<ImportResult, 'position'>, owners: ReadonlySet<string>) {
    const data = {
      importId: answer.importId,
      kind: request.kind,
      fileName: request.fileName ?? null,
      sha256: createHash('sha256').update(request.bytes).digest('hex'),
      counts: { rows: answer.rows, ...answer.summary },
      mdes: await this.mdesOf(request.kind, owners),
    };
    const sender = { actor: request.sender.actor, access: FULL_ACCESS, correlationId: answer.importId };
    const outcome = await this.executor.execute(
      importStream(answer.importId),
      importDecider,
      { type: 'RecordImport', data },
      sender,
    );
    return outcome.position;
  }

  /** The MDEs of the projects the written rows belong to: a partner of one of them sees the import listed. */
  private async mdesOf(kind: ImportKind, owners: ReadonlySet<string>): Promise<string[]> {
    const projects = new Set<string>();
    if (kind === 'attendances') {
      for (const sessionId of owners) {
        const session = await this.executor.state(sessionStream(sessionId), sessionDecider);
        if (session.status !== 'absent') projects.add(session.held.data.projectId);
      }
    } else {
      for (const projectId of owners) projects.add(projectId);
    }
    const mdes = new Set<string>();
    for (const projectId of projects) {
      const facts = projectFacts(await this.executor.state(projectStream(projectId), projectDecider));
      for (const mde of facts?.mdes ?? []) mdes.add(mde);
    }
    return [...mdes].sort();
  }
}

/**
 * Whether the event loop is owed a turn, told the rows read or applied since
 * the last call: one every ROWS_IN_FLIGHT rows. A dry run's store answers at
 * once, and so does reading a file: without a turn now and then, the service
 * would answer nothing else (nor send an import's progress lines) until the
 * whole file is done.
 */
function turnDue(): (rows: number) => boolean {
  let sinceTurn = 0;
  return (rows) => {
    sinceTurn += rows;
    if (sinceTurn < ROWS_IN_FLIGHT) return false;
    sinceTurn = 0;
    return true;
  };
}

/** What a written row belongs to, for the import's MDEs: an attendance's session, a participant nothing, else a project. */
function ownerOf(kind: ImportKind, values: RowValues, owners: Set<string>): void {
  if (kind === 'attendances') owners.add(String(values.sessionId));
  else if (kind !== 'participants') owners.add(String(values.projectId));
}

/** The XLSX reader (exceljs, some 30 MB once loaded) is loaded by the first XLSX import, not by every process. */
async function openSheet(format: SpreadsheetFormat, bytes: Buffer): Promise<Sheet> {
  if (format === 'csv') return csvSheet(bytes);
  const { xlsxSheet } = await import('./spreadsheets/xlsx-sheet.js');
  return xlsxSheet(bytes);
}
/**
 * Each command of a row is sent with an Idempotency-Key derived from its type
 * and content (scoped to the sender, as every key): the same file twice writes
 * nothing, a corrected file writes only its corrected rows.
 */
function rowSender(request: ImportRequest, importId: string, line: number): SenderFor {
  return (type, data) => ({
    actor: request.sender.actor,
    access: request.sender.access,
    idempotencyKey: `import-${hash('sha256', `${type}\u0000${canonicalJson(data)}`, 'base64url')}`,
    correlationId: importId,
    origin: { importId, line },
  });
}

function omitPosition({ position: _wouldBe, ...result }: RowResult): RowResult {
  return result;
}
