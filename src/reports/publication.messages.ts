import { Command } from '@nestjs/cqrs';
import type { CommandSender } from '../command-handling/command-context.js';
import type { CommandOutcome } from '../command-handling/command-executor.js';
import type { Language } from './catalogues/catalogue.js';
import type { PublicationEvent, ReportPublishedData } from './publication.events.js';

/** What the reports feature takes on the command bus. */
export class PublishReportCommand extends Command<
  CommandOutcome<PublicationEvent> & { readonly publication: ReportPublishedData }
> {
  constructor(
    readonly year: number,
    readonly language: Language,
    readonly sender: CommandSender,
  ) {
    super();
  }
}
