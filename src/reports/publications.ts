import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { FiguresHistory, loggedEntry, type LoggedEntry } from '../figures/history/figures-history.js';
import { PROGRAMME } from '../figures/figure-keys.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { ReadCapacity } from '../projections/read-capacity.js';
import { KindedError } from '../shared/errors.js';
import { publicationDecider, type PublicationEntry } from './publication.decider.js';
import { reportStream, type ReportPublishedData, type ReportRenditionStoredData } from './publication.events.js';
import { ReportBuilder } from './report-builder.js';
import { printedAnchor } from '../audit/ledger-anchor.js';
import type { ReportAnchor } from './report.model.js';
import { type ReportFormat } from './report-format.js';
import { ReportRenderer, contentTypeOf, digestOf, type RenderedReport } from './report-renderer.js';

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

/** A publication as answered: with the anchor it printed (or would have: before anchors were printed). */
export type AnsweredPublication = ReportPublishedData & { readonly anchor: ReportAnchor | null };

export const withAnchor = (publication: ReportPublishedData): AnsweredPublication => ({
  ...publication,
  anchor:
    publication.ledgerHash === null
      ? null
      : printedAnchor({ position: BigInt(publication.reportPosition), hash: publication.ledgerHash }),
});

export interface FigureChange {
  readonly scope: string;
  readonly figure: string;
  readonly published: number;
  readonly now: number;
  readonly events: ReadonlyArray<LoggedEntry & { readonly delta: number }>;
}

/**
 * Whether today's program still regenerates a publication's bytes: `yes`, `no`
 * (the renderers, the catalogues, the libraries or the log before its position
 * changed), or `unknown` (it could not be regenerated now: no Chromium, or too
 * busy).
 */
export type Reproducible = 'yes' | 'no' | 'unknown';

/** A publication as it was published, and whether today's program still makes those bytes. */
export type ServedPublication = RenderedReport & { publication: ReportPublishedData; reproducible: Reproducible };

@Injectable()
export class Publications {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly builder: ReportBuilder,
    private readonly renderer: ReportRenderer,
    private readonly history: FiguresHistory,
    private readonly capacity: ReadCapacity,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async list(year: number): Promise<AnsweredPublication[]> {
    return (await this.entries(year)).map(({ revision: _revision, renditions: _renditions, ...publication }) =>
      withAnchor(publication),
    );
  }

  async find(year: number, number: number): Promise<AnsweredPublication> {
    const { revision: _revision, renditions: _renditions, ...publication } = await this.entry(year, number);
    return withAnchor(publication);
  }

  /**
   * The publication's bytes as published (stored in its stream), and whether
   * they regenerate identically today. A publication made before the bytes
   * were stored is regenerated from the log at its position and checked
   * against its digest, as before.
   */
  async serve(year: number, number: number, format: ReportFormat, actor: string): Promise<ServedPublication> {
    const { revision: _revision, renditions, ...publication } = await this.entry(year, number);
    const contentType = contentTypeOf(format);
    const revisions = renditions[format];
    if (revisions === undefined) {
      const rendered = await this.regenerate(publication, format, actor);
      const published = publication.digests[format];
      if (published !== undefined && published !== digestOf(rendered.body))
        throw new NotReproducibleError(year, number, format);
      return { ...rendered, publication, reproducible: published === undefined ? 'unknown' : 'yes' };
    }
    const body = await this.storedBytes(year, revisions);
    if (digestOf(body) !== publication.digests[format])
      throw new Error(`The stored ${format} bytes of publication ${number} of ${year} do not match their digest`);
    return { body, contentType, publication, reproducible: await this.reproducible(publication, format, body, actor) };
  }

  private async reproducible(
    publication: ReportPublishedData,
    format: ReportFormat,
    body: Buffer,
    actor: string,
  ): Promise<Reproducible> {
    try {
      const again = await this.regenerate(publication, format, actor);
      return again.body.equals(body) ? 'yes' : 'no';
    } catch (error) {
      if (error instanceof KindedError && (error.kind === 'pdf-unavailable' || error.kind === 'reads-busy'))
        return 'unknown';
      throw error;
    }
  }

  private regenerate(publication: ReportPublishedData, format: ReportFormat, actor: string): Promise<RenderedReport> {
    return this.capacity.run(actor, format === 'pdf' ? 'pdf' : 'replay', async () => {
      const report = await this.builder.build(
        publication.year,
        publication.language,
        BigInt(publication.reportPosition),
        { anchored: publication.anchorPrinted === true },
      );
      return this.renderer.render(report, format);
    });
  }

  private async storedBytes(year: number, revisions: readonly number[]): Promise<Buffer> {
    const parts = await Promise.all(
      revisions.map(async (revision) => {
        const [event] = await this.store.readStream(reportStream(year), {
          fromRevision: BigInt(revision),
          maxCount: 1,
        });
        const data = event?.data as ReportRenditionStoredData | undefined;
        if (data === undefined) throw new Error(`${reportStream(year)} has no event at revision ${revision}`);
        return Buffer.from(data.bytes, 'base64');
      }),
    );
    return Buffer.concat(parts);
  }

  private async entries(year: number): Promise<readonly PublicationEntry[]> {
    return (await this.executor.state(reportStream(year), publicationDecider)).publications;
  }

  private async entry(year: number, number: number): Promise<PublicationEntry> {
    const publication = (await this.entries(year)).find((p) => p.number === number);
    if (!publication) throw new NotFoundError(`The report of ${year} has no publication ${number}`);
    return publication;
  }

  /**
   * The figures of the programme and of each project that changed since the
   * publication, with the events that changed them (late entries, corrections).
   */
  async changes(year: number, number: number): Promise<{ publication: AnsweredPublication; changes: FigureChange[] }> {
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
