import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type StreamReader } from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { PROGRAMME, projectScope } from '../figures/figure-keys.js';
import { activityFigures, programmeFigures } from '../figures/figures-shapes.js';
import { FiguresHistory } from '../figures/history/figures-history.js';
import { evolveProjectDetails, type ProjectDetails } from '../projects/read-model/project-details.projection.js';
import { ReadConsistency } from '../projections/consistency.js';
import { ReadStore } from '../projections/read-store.js';
import { ReadWorkers, type ReadJob } from '../projections/read-workers.js';
import { projectStream } from '../shared/domain/ids.js';
import { printedAnchor } from '../audit/ledger-anchor.js';
import type { Language } from './catalogues/catalogue.js';
import { share, type ReportModel, type ReportProject } from './report.model.js';
import type { ReportFormat } from './report-format.js';
import { ReportRenderer, type RenderOptions, type RenderedReport } from './report-renderer.js';

export interface ReportSources {
  readonly history: FiguresHistory;
  readonly readStore: ReadStore;
  /** The log's project streams: a project is folded up to the position. */
  readonly streams: StreamReader;
  readonly schemas: EventSchemas;
}

export interface ReportInput {
  readonly year: number;
  readonly language: Language;
  readonly position: bigint;
  /** False builds the report as it was before reports printed their anchor: what a publication made then regenerates to. */
  readonly anchored: boolean;
}

export interface BuildOptions {
  readonly anchored?: boolean;
}

/** The report model of a year at a position: the expensive part (a replay, the projects folded); rendering it is not. */
export const reportModel: ReadJob<ReportSources, ReportInput, ReportModel> = {
  name: 'report-model',
  readsLog: true,
  run: (sources, input) => buildReport(sources, input),
};

/**
 * Builds the annual report of a year as it stood at a log position, in a read
 * worker (on the request thread when the log is EventStoreDB's): the
 * programme's figures, then each funded project with its narrative and
 * figures. Everything is read as of that position (figures replayed from the
 * journal, projects folded from their streams), so the same position always
 * gives the same report, whatever was recorded since.
 */
@Injectable()
export class ReportBuilder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly schemas: EventSchemas,
    private readonly readStore: ReadStore,
    private readonly history: FiguresHistory,
    private readonly consistency: ReadConsistency,
    private readonly workers: ReadWorkers,
    private readonly renderer: ReportRenderer,
  ) {}

  /** The position the read models stand at: a report "now" is a report at this position. */
  currentPosition(): bigint {
    return BigInt(this.consistency.position());
  }

  async build(
    year: number,
    language: Language,
    position: bigint,
    { anchored = true }: BuildOptions = {},
  ): Promise<ReportModel> {
    await this.consistency.reach(position.toString());
    return this.workers.run(reportModel, { year, language, position, anchored }, this.sources());
  }

  /** The report built in a worker, rendered here (the PDF by Chromium). */
  async rendered(
    year: number,
    language: Language,
    position: bigint,
    format: ReportFormat,
    options: RenderOptions = {},
    build: BuildOptions = {},
  ): Promise<RenderedReport> {
    return this.renderer.render(await this.build(year, language, position, build), format, options);
  }

  private sources(): ReportSources {
    return { history: this.history, readStore: this.readStore, streams: this.store, schemas: this.schemas };
  }
}

async function buildReport(
  sources: ReportSources,
  { year, language, position, anchored }: ReportInput,
): Promise<ReportModel> {
  // One replay of the year: it holds the programme's counters and every project's.
  const { model } = sources.history.replay({ kind: 'programme' }, year, { atPosition: position });
  const figures = programmeFigures(model.figures(PROGRAMME, year));
  const { submitted } = figures.projects;
  const projects: ReportProject[] = [];
  for (const projectId of projectsCountingIn(sources.readStore, year, position)) {
    const details = await projectAt(sources, projectId, position);
    if (!details || details.status !== 'approved') continue;
    const values = model.figures(projectScope(projectId), year);
    const activity = activityFigures(values);
    // A project of an earlier year is in this year's report when it was active in it.
    if (details.year !== year && values.size === 0) continue;
    projects.push({
      id: details.id,
      title: details.title,
      year: details.year,
      kind: details.kind,
      theme: details.theme ?? null,
      mdes: details.mdes,
      carrier: details.carrier,
      narrative: details.narratives[String(year)]?.text ?? null,
      figures: activity,
    });
  }
  const byTitle = (a: ReportProject, b: ReportProject) =>
    a.title.localeCompare(b.title, 'fr') || (a.id < b.id ? -1 : 1);
  projects.sort(byTitle);
  const last = sources.history.lastRecordedAt(position);
  const ledgerHash = ledgerHashAt(sources.readStore, position);
  return {
    year,
    language,
    position: position.toString(),
    ledgerHash,
    ...(anchored ? { anchor: ledgerHash === null ? null : printedAnchor({ position, hash: ledgerHash }) } : {}),
    asOf: last,
    programme: {
      funded: figures.projects.approved.count,
      shares:
        submitted.count === 0
          ? null
          : {
              allJobSeekers: share(submitted.byAudience['all-job-seekers'] ?? 0, submitted.count),
              targetsPartners: share(submitted.targetsPartners, submitted.count),
              communes: share(submitted.byCarrierType.commune ?? 0, submitted.count),
              missionsLocalesOrAle: share(
                (submitted.byCarrierType['mission-locale'] ?? 0) + (submitted.byCarrierType.ale ?? 0),
                submitted.count,
              ),
              cpas: share(submitted.byCarrierType.cpas ?? 0, submitted.count),
            },
      figures,
    },
    thematic: projects.filter((p) => p.kind === 'thematic'),
    local: projects.filter((p) => p.kind === 'local'),
  };
}

/** The projects with events that count in the year, up to the position: those whose first such event is. */
function projectsCountingIn(readStore: ReadStore, year: number, position: bigint): string[] {
  const rows = readStore
    .statement('SELECT project_id FROM figures_year_projects WHERE year = ? AND first_position <= ?')
    .all(year, position) as Array<{ project_id: string }>;
  return rows.map((row) => row.project_id);
}

/** A project as it stood at a position: its stream folded up to there. */
async function projectAt(
  { streams, schemas }: ReportSources,
  projectId: string,
  position: bigint,
): Promise<ProjectDetails | null> {
  let details: ProjectDetails | null = null;
  for (const stored of await streams.readStream(projectStream(projectId))) {
    if (stored.position > position) break;
    details = evolveProjectDetails(details, schemas.upcast(stored));
  }
  return details;
}

function ledgerHashAt(readStore: ReadStore, position: bigint): string | null {
  const row = readStore
    .statement('SELECT hash FROM ledger WHERE position <= ? ORDER BY position DESC LIMIT 1')
    .get(position) as { hash: string } | undefined;
  return row ? row.hash : null;
}
