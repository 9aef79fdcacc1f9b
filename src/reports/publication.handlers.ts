import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { ReadConsistency } from '../projections/consistency.js';
import { publicationDecider } from './publication.decider.js';
import { reportStream } from './publication.events.js';
import { PublishReportCommand } from './publication.messages.js';
import { ReportBuilder } from './report-builder.js';
import { FIGURE_DEFINITIONS_VERSION } from './report.model.js';
import { DIGESTED_FORMATS } from './report-format.js';
import { ReportRenderer, digestOf } from './report-renderer.js';

/**
 * Freezes the report of a year at the current position: records a
 * ReportPublished event with that position, the digest of each format and the
 * version of the figure definitions, so the same bytes can be regenerated later.
 */
@CommandHandler(PublishReportCommand)
export class PublishReportHandler implements ICommandHandler<PublishReportCommand> {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly builder: ReportBuilder,
    private readonly renderer: ReportRenderer,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ year, language, sender }: PublishReportCommand) {
    await this.consistency.reachHead();
    const position = this.builder.currentPosition();
    const report = await this.builder.build(year, language, position);
    const digests: Record<string, string> = {};
    for (const format of DIGESTED_FORMATS)
      digests[format] = digestOf((await this.renderer.render(report, format)).body);
    const frozen = {
      reportPosition: position.toString(),
      figureDefinitions: FIGURE_DEFINITIONS_VERSION,
      digests,
      ledgerHash: report.ledgerHash,
    };
    const command = { type: 'PublishReport', data: { year, language }, report: frozen } as const;
    const outcome = await this.executor.execute(reportStream(year), publicationDecider, command, sender);
    // The publication written, or the one a retried command repeats.
    return { ...outcome, publication: outcome.events[0]!.data };
  }
}
