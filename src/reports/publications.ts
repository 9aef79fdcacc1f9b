import { Injectable } from '@nestjs/common';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { FiguresHistory, loggedEntry, type LoggedEntry } from '../figures/history/figures-history.js';
import { PROGRAMME } from '../figures/figure-keys.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { KindedError } from '../shared/errors.js';
import { publicationDecider } from './publication.decider.js';
import { reportStream, type ReportPublishedData } from './publication.events.js';
import { ReportBuilder } from './report-builder.js';
import { type ReportFormat } from './report-format.js';
import { ReportRenderer, digestOf, type RenderedReport } from './report-renderer.js';

/** A publication regenerated to other bytes than it was published with: the log or the program changed. */
export class NotReproducibleError extends KindedError {
  readonly kind = 'not-reproducible';

  constructor(year: number, number: number, format: string) {
    super(
      `Publication ${number} of ${year} regenerates to other ${format} bytes than were published: ` +
        'the log before its position was altered, or the figure definitions changed (run indicators verify)',
    );
  }
}

export interface FigureChange {
  readonly scope: string;
  readonly figure: string;
  readonly published: number;
  readonly now: number;
  readonly events: ReadonlyArray<LoggedEntry & { readonly delta: number }>;
}

@Injectable()
export class Publications {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly builder: ReportBuilder,
    private readonly renderer: ReportRenderer,
    private readonly history: FiguresHistory,
  ) {}

  async list(year: number): Promise<ReportPublishedData[]> {
    const { publications } = await this.executor.state(reportStream(year), publicationDecider);
    return publications.map(({ revision: _revision, ...publication }) => publication);
  }

  async find(year: number, number: number): Promise<ReportPublishedData> {
    const publication = (await this.list(year)).find((p) => p.number === number);
    if (!publication) throw new NotFoundError(`The report of ${year} has no publication ${number}`);
    return publication;
  }

  /** The publication's bytes, regenerated from the log at its position, checked against its digest. */
  async reproduce(
    year: number,
    number: number,
    format: ReportFormat,
  ): Promise<RenderedReport & { publication: ReportPublishedData }> {
    const publication = await this.find(year, number);
    const report = await this.builder.build(year, publication.language, BigInt(publication.reportPosition));
    const rendered = await this.renderer.render(report, format);
    const published = publication.digests[format];
    if (published !== undefined && published !== digestOf(rendered.body))
      throw new NotReproducibleError(year, number, format);
    return { ...rendered, publication };
  }

  /**
   * The figures of the programme and of each project that changed since the
   * publication, with the events that changed them (late entries, corrections).
   */
  async changes(year: number, number: number): Promise<{ publication: ReportPublishedData; changes: FigureChange[] }> {
    const publication = await this.find(year, number);
    const since = BigInt(publication.reportPosition);
    const changed = new Map<
      string,
      { scope: string; figure: string; delta: number; events: Array<FigureChange['events'][number]> }
    >();
    const replay = this.history.replay(
      { kind: 'programme' },
      year,
      {},
      {
        change: ({ scope, year: counted, key: figure, delta }, entry) => {
          if (entry.position <= since || counted !== year) return;
          if (scope !== PROGRAMME && !scope.startsWith('project:')) return;
          const key = `${scope}|${figure}`;
          const change = changed.get(key) ?? { scope, figure, delta: 0, events: [] };
          change.delta += delta;
          change.events.push({ ...loggedEntry(entry), delta });
          changed.set(key, change);
        },
      },
    );
    const changes = [...changed.values()]
      .filter((change) => change.delta !== 0)
      .map(({ scope, figure, delta, events }) => {
        const now = replay.model.figures(scope, year).get(figure) ?? 0;
        return { scope, figure, published: now - delta, now, events };
      })
      .sort((a, b) =>
        a.scope === b.scope ? (a.figure < b.figure ? -1 : 1) : a.scope === PROGRAMME ? -1 : a.scope < b.scope ? -1 : 1,
      );
    return { publication, changes };
  }
}
