import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { ReadConsistency } from '../projections/consistency.js';
import { ReadCapacity } from '../projections/read-capacity.js';
import { publicationDecider } from './publication.decider.js';
import { reportStream, type ReportPublished } from './publication.events.js';
import { PublishReportCommand } from './publication.messages.js';
import { ReportBuilder } from './report-builder.js';
import { FIGURE_DEFINITIONS_VERSION } from './report.model.js';
import { DIGESTED_FORMATS } from './report-format.js';
import { ReportRenderer, digestOf } from './report-renderer.js';
import { pdfAvailable } from './renderers/pdf.renderer.js';

/** Raw bytes per event: 512 KiB is 683 KiB of base64, well within the 1 MiB an event may hold. */
export const PART_BYTES = 512 * 1024;

/**
 * Freezes the report of a year at the current position: records a
 * ReportPublished event with that position, the digest of each format and the
 * version of the figure definitions, then the published bytes of each format
 * (the PDF too when Chromium can print it), so the publication is served as
 * published whatever the program becomes.
 */
@CommandHandler(PublishReportCommand)
export class PublishReportHandler implements ICommandHandler<PublishReportCommand> {
  private readonly logger = new Logger('reports');

  constructor(
    private readonly consistency: ReadConsistency,
    private readonly builder: ReportBuilder,
    private readonly renderer: ReportRenderer,
    private readonly executor: CommandExecutor,
    private readonly capacity: ReadCapacity,
  ) {}

  async execute({ year, language, sender }: PublishReportCommand) {
    await this.consistency.reachHead();
    const position = this.builder.currentPosition();
    const report = await this.builder.build(year, language, position);
    const bodies = new Map<string, Buffer>();
    for (const format of DIGESTED_FORMATS) bodies.set(format, (await this.renderer.render(report, format)).body);
    const notStored: Record<string, string> = {};
    if (!pdfAvailable()) notStored.pdf = 'Chromium was not available at publication: the PDF is printed on request';
    else {
      try {
        const pdf = await this.capacity.run(sender.actor, 'pdf', () => this.renderer.render(report, 'pdf'));
        bodies.set('pdf', pdf.body);
      } catch (error) {
        this.logger.warn({ err: error }, 'The PDF could not be printed at publication');
        notStored.pdf = 'Chromium could not print it at publication: the PDF is printed on request';
      }
    }
    const digests = Object.fromEntries([...bodies].map(([format, body]) => [format, digestOf(body)]));
    const frozen = {
      reportPosition: position.toString(),
      figureDefinitions: FIGURE_DEFINITIONS_VERSION,
      digests,
      ledgerHash: report.ledgerHash,
      anchorPrinted: true as const,
      ...(Object.keys(notStored).length > 0 ? { notStored } : {}),
    };
    const renditions = [...bodies].map(([format, body]) => ({ format, parts: partsOf(body) }));
    const command = { type: 'PublishReport', data: { year, language }, report: frozen, renditions } as const;
    const outcome = await this.executor.execute(reportStream(year), publicationDecider, command, sender);
    // The publication written, or the one a retried command repeats.
    const published = outcome.events.find((event): event is ReportPublished => event.type === 'ReportPublished')!;
    return { ...outcome, publication: published.data };
  }
}

function partsOf(body: Buffer): string[] {
  const parts: string[] = [];
  for (let start = 0; start < body.length || parts.length === 0; start += PART_BYTES)
    parts.push(body.subarray(start, start + PART_BYTES).toString('base64'));
  return parts;
}
