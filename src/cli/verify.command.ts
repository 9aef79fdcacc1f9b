import { Inject } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { verifyAnchor } from '../audit/anchor-verification.js';
import { parseTypedAnchor, typedAnchor, type LedgerAnchor } from '../audit/ledger-anchor.js';
import { verifyLedger } from '../audit/ledger-verification.js';
import { PROJECTION_FACTORY, type Projection } from '../projections/projection.js';
import { verifyReadModels } from '../projections/read-model-verification.js';
import { ReadStore } from '../projections/read-store.js';

@Command({
  name: 'verify',
  description:
    'Rebuild every projection from position 0 aside and compare it with the live read models, and recompute the hash chain from the events; exits 1 on any difference or break. ' +
    'With --anchor, only check the anchor printed in a published report; exits 1 when the log no longer gives it',
})
export class VerifyCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly schemas: EventSchemas,
    @Inject(PROJECTION_FACTORY) private readonly freshProjections: () => Projection[],
  ) {
    super();
  }

  async run(_: string[], options: { anchor?: LedgerAnchor } = {}): Promise<void> {
    if (options.anchor) return this.verifyAnchor(options.anchor);
    // Beside the read models: the same disk, which has room for them (a temporary
    // folder may be small, or in memory).
    const scratchDir = mkdtempSync(join(dirname(this.readStore.path), '.verify-'));
    try {
      const report = await verifyReadModels({
        live: this.readStore,
        store: this.store,
        schemas: this.schemas,
        projections: this.freshProjections,
        scratchDir,
      });
      for (const difference of report.differences) {
        console.log(
          `DIFFERENT ${difference.projection}/${difference.table}: ${difference.onlyLive.length} rows only in the live read model, ` +
            `${difference.onlyRebuilt.length} only in the rebuild`,
        );
        for (const row of difference.onlyLive) console.log(`  live    ${JSON.stringify(row)}`);
        for (const row of difference.onlyRebuilt) console.log(`  rebuilt ${JSON.stringify(row)}`);
      }
      const at = `at position ${report.position ?? 0n}`;
      if (report.differences.length === 0) console.log(`OK read models equal a rebuild from position 0 ${at}`);
      else console.log(`FAILED ${report.differences.length} tables differ from a rebuild ${at}`);

      const chain = await verifyLedger(this.store, this.readStore.db);
      if (chain.break) {
        console.log(`BROKEN hash chain at position ${chain.break.position}: ${chain.break.reason}`);
      } else {
        console.log(`OK hash chain verified over ${chain.checked} events; head ${chain.head}`);
      }
      process.exitCode = report.differences.length === 0 && !chain.break ? 0 : 1;
    } finally {
      rmSync(scratchDir, { recursive: true, force: true });
    }
  }

  @Option({
    flags: '--anchor <position:hash[:check]>',
    description: 'the anchor printed in a published report, e.g. "1234:3f2a 9c1b … 01ad:47" (quoted: it has spaces)',
  })
  parseAnchor(value: string): LedgerAnchor {
    return parseTypedAnchor(value, '--anchor');
  }

  private async verifyAnchor(anchor: LedgerAnchor): Promise<void> {
    const result = await verifyAnchor(this.store, this.readStore.db, anchor);
    const chained = `${result.events} events chained up to position ${result.position}`;
    if (result.matches) {
      console.log(`OK anchor ${typedAnchor(anchor)} matches: the log up to it is the one published (${chained})`);
    } else {
      const where = result.firstDifference;
      console.log(
        where?.position
          ? `MISMATCH anchor ${typedAnchor(anchor)}: the log now differs from the published one at position ${where.position} (${where.reason})`
          : `MISMATCH anchor ${typedAnchor(anchor)}: ${where?.reason ?? 'the log now differs from the published one'}`,
      );
      console.log(`  recomputed head ${result.recomputed} (${chained})`);
    }
    process.exitCode = result.matches ? 0 : 1;
  }
}
