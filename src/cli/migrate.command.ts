import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AppConfig, ConfigurationError } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { connectEventStoreDb, redactConnectionString } from '../event-store/eventstoredb/eventstoredb-connection.js';
import { compareLogs, type LogComparison } from '../migration/log-comparison.js';
import { CopyFailedError, copyLog } from '../migration/log-copy.js';

interface MigrateOptions {
  readonly to: string;
}

/** How often the copy says how far it got. */
const PROGRESS_EVERY = 10_000;

@Command({
  name: 'migrate',
  description:
    'Copy the embedded log (DATA_DIR/events.db) into EventStoreDB in global order, resuming where an earlier run stopped, ' +
    'then compare event counts and a digest per stream on both sides; exits 1 on any difference',
})
export class MigrateCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly source: EventStore,
    private readonly config: AppConfig,
  ) {
    super();
  }

  @Option({
    flags: '--to <connection string>',
    description: 'EventStoreDB connection string of the target',
    required: true,
  })
  parseTo(value: string): string {
    return value;
  }

  async run(_arguments: string[], options: MigrateOptions): Promise<void> {
    if (this.config.eventStore !== 'sqlite') {
      throw new ConfigurationError('migrate copies the embedded store: run it with EVENT_STORE=sqlite (the default)');
    }
    const shown = redactConnectionString(options.to);
    const target = await connectEventStoreDb(options.to, { origin: '--to' });
    const stop = new AbortController();
    const interrupt = (): void => {
      console.log('Stopping after the append in progress; run the command again to resume');
      stop.abort();
    };
    process.once('SIGINT', interrupt);
    try {
      let reported = 0;
      let report;
      try {
        report = await copyLog(this.source, target, {
          signal: stop.signal,
          onProgress: ({ copied, position }) => {
            if (copied - reported < PROGRESS_EVERY) return;
            reported = copied;
            console.log(`… ${copied} events copied (source position ${position})`);
          },
        });
      } catch (error) {
        if (!(error instanceof CopyFailedError)) throw error;
        console.log(`FAILED ${error.message}`);
        console.log(
          'Nothing after that point was copied; run the same command again to resume once the cause is fixed',
        );
        process.exitCode = 1;
        return;
      }
      const resumed =
        report.resumedAfter === undefined ? '' : ` (resumed after source position ${report.resumedAfter})`;
      console.log(`Copied ${report.copied} events to ${shown}${resumed}`);
      if (!report.complete) {
        console.log('INTERRUPTED: run the same command again to resume');
        process.exitCode = 1;
        return;
      }
      const comparison = await compareLogs(this.source, target);
      printComparison(comparison);
      process.exitCode = comparison.differences.length === 0 ? 0 : 1;
    } finally {
      process.off('SIGINT', interrupt);
      await target.close();
    }
  }
}

function printComparison(comparison: LogComparison): void {
  for (const { stream, source, target } of comparison.differences) {
    const side = (summary: typeof source) =>
      summary ? `${summary.events} events, sha256 ${summary.digest}` : 'missing';
    console.log(`DIFFERENT ${stream}: embedded ${side(source)}; EventStoreDB ${side(target)}`);
  }
  const counts = `${comparison.sourceEvents} events in the embedded store, ${comparison.targetEvents} in EventStoreDB, ${comparison.streams} streams`;
  if (comparison.differences.length === 0) {
    console.log(`OK ${counts}; every stream has the same events and digest on both sides`);
    console.log(
      'Next: start the service with EVENT_STORE=eventstoredb and EVENTSTORE_CONNECTION_STRING set to the same',
    );
    console.log('connection string; its read models are rebuilt from the EventStoreDB log on the first start.');
  } else {
    console.log(`FAILED ${comparison.differences.length} streams differ; ${counts}`);
  }
}
