import { copyFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { FULL_SIZES, QUICK_SIZES, type BenchSizes } from './bench-sizes.js';
import type { LogInfo } from './log/cached-log.js';
import type { AppendResult } from './sections/append.js';
import type { GrowthSide } from './sections/growth.js';
import { measureAuditorLoad } from './sections/auditor-load.js';
import { INGEST_CASES, measureIngest } from './sections/ingest-http.js';
import type { ImportSide } from './sections/import.js';
import type { PeerSide } from './sections/peer.js';
import type { QueryResults } from './sections/query.js';
import type { RebuildResult } from './sections/rebuild.js';
import { ROOT, scratchDir } from './support/bench-paths.js';
import { runInChild } from './support/child-process.js';
import { inRounds, median, medianRatio, medianRun, round } from './support/stats.js';
import { printTable, targetsOf } from './results-table.js';

/**
 * `npm run bench [-- --quick] [-- --only ingest,append,rebuild,query,growth,peer,import,auditor]`:
 * every measurement next to its baseline, taken in the same run, written to
 * bench/results.json and printed as a table. A quick run leaves the auditor's
 * load out unless `--only` names it.
 */
const args = process.argv.slice(2);
const sizes: BenchSizes = args.includes('--quick') ? QUICK_SIZES : FULL_SIZES;
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1]?.split(',')) : undefined;
const wanted = (section: string): boolean =>
  only === undefined ? section !== 'auditor' || sizes.auditorByDefault : only.has(section);

/** Stands for the logs when no section that reads them runs. */
const NO_LOG: LogInfo = {
  path: '',
  events: 0,
  firstYear: 0,
  lastYear: 0,
  sampleProject: '',
  midRecordedAt: '',
  buildSeconds: 0,
};

const started = performance.now();
const results: Record<string, unknown> = {
  sizes,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, load_average_at_start: loadavg() },
  started_at: new Date().toISOString(),
};
const step = (name: string): void => console.log(`[bench ${round((performance.now() - started) / 1000)} s] ${name}`);

// Only rebuild, query and growth read the logs: `--only import` (or ingest, …) builds none.
const needsLogs = ['rebuild', 'query', 'growth'].some(wanted);
if (needsLogs) step(`logs of ${sizes.logEvents} and ${sizes.growthSmallEvents} events (cached under bench/.work/logs)`);
const log = needsLogs ? await runInChild<LogInfo>('log/build-log.js', [String(sizes.logEvents)]) : NO_LOG;
const smallLog = needsLogs ? await runInChild<LogInfo>('log/build-log.js', [String(sizes.growthSmallEvents)]) : NO_LOG;
if (needsLogs) results.log = log;

if (wanted('ingest')) {
  step(
    `ingest_http: ${INGEST_CASES.map((c) => `${c.connections} connections over ${c.sessions} sessions`).join(', ')}; ` +
      `${sizes.ingestSeconds} s each (service, fsync per request, no fsync), ${sizes.rounds} rounds`,
  );
  results.ingest_http = await measureIngest(sizes);
}

if (wanted('append')) {
  step(`append: ${sizes.appendEvents} events in transactions of ${sizes.appendBatch}, ${sizes.rounds} rounds`);
  const append = await runInChild<{ append: AppendResult; append_floor: AppendResult }>('sections/append.js', [
    String(sizes.appendEvents),
    String(sizes.appendBatch),
    String(sizes.rounds),
  ]);
  Object.assign(results, append, {
    append_ratio: round(append.append.events_per_s / append.append_floor.events_per_s, 3),
  });
}

let readModels: string | undefined;
if (wanted('rebuild') || wanted('query')) {
  step(
    `rebuild: every projection from ${log.events} events against reading them, ${sizes.rounds} rounds ` +
      `(${sizes.rebuildBoundRounds} with the least a rebuild does)`,
  );
  const dir = scratchDir('rebuild');
  const floors: RebuildResult[] = [];
  const bounds: RebuildResult[] = [];
  const ours: RebuildResult[] = [];
  // In turn, as the ingest: the floor of one round moved from 263k to 364k events/s between runs.
  for (let round = 0; round < sizes.rounds; round++) {
    floors.push(await runInChild<RebuildResult>('sections/rebuild.js', ['floor', log.path]));
    if (round < sizes.rebuildBoundRounds) {
      bounds.push(
        await runInChild<RebuildResult>('sections/rebuild.js', ['bound', log.path, scratchDir('rebuild-bound')]),
      );
    }
    ours.push(await runInChild<RebuildResult>('sections/rebuild.js', ['ours', log.path, scratchDir('rebuild')]));
  }
  readModels = join(dir, 'read-models.db');
  const speed = (run: RebuildResult): number => run.events_per_s;
  const rebuild = { ...medianRun(ours, speed), peak_rss_mb: Math.max(...ours.map((run) => run.peak_rss_mb)) };
  const floor = medianRun(floors, speed);
  const bound = medianRun(bounds, speed);
  Object.assign(results, {
    rebuild,
    rebuild_floor: floor,
    rebuild_ratio: round(rebuild.events_per_s / floor.events_per_s, 3),
    // No target: the best rebuild_ratio a one-thread rebuild writing the ledger and the register could reach.
    rebuild_bound: bound,
    rebuild_bound_ratio: round(bound.events_per_s / floor.events_per_s, 3),
  });
}

if (wanted('query') && readModels !== undefined) {
  step(`query: figures with ${log.events} events in the log`);
  results.query = await runInChild<QueryResults>('sections/query.js', [JSON.stringify(log), readModels, sizes.mode]);
}

if (wanted('growth')) {
  step(`growth: appends on ${smallLog.events} and on ${log.events} stored events`);
  const growth = await runInChild<{ small: GrowthSide; large: GrowthSide }>('sections/growth.js', [
    smallLog.path,
    String(smallLog.events),
    log.path,
    String(log.events),
    String(sizes.appendEvents),
    String(sizes.appendBatch),
    String(Math.max(2, sizes.rounds)),
  ]);
  Object.assign(results, {
    growth,
    growth_ratio: round(growth.large.us_per_event / growth.small.us_per_event, 3),
  });
}

if (wanted('peer')) {
  step(`peer: command loop, ${sizes.peerSeconds} s each, ours and emmett-sqlite, ${sizes.rounds} rounds`);
  const seconds = String(sizes.peerSeconds);
  const concurrency = String(sizes.peerConcurrency);
  const runs = await inRounds(sizes.rounds, {
    ours: () => runInChild<PeerSide>('sections/peer.js', ['ours', seconds, concurrency]),
    // Emmett's shared connection keeps one transaction at a time: commands must take turns on it.
    emmett: () => runInChild<PeerSide>('sections/peer.js', ['emmett', seconds, '1']),
  });
  // With several commands in flight, emmett's transaction nesting counter folds them into one transaction
  // and answers all but the first before the commit (and sometimes fails it: "cannot commit - no transaction
  // is active"), so that run is not as durable as ours; it is reported, not compared.
  const theirsConcurrent = await runInChild<PeerSide>('sections/peer.js', ['emmett', seconds, concurrency]);
  const speed = (side: PeerSide): number => side.commands_per_s;
  Object.assign(results, {
    peer: {
      ours: medianRun(runs.ours, speed),
      emmett: medianRun(runs.emmett, speed),
      emmett_concurrent_not_durable: theirsConcurrent,
    },
    peer_ratio: round(medianRatio(runs.ours.map(speed), runs.emmett.map(speed)), 2),
  });
}

if (wanted('import')) {
  const rows = sizes.importRows;
  step(
    `import: a ${rows}-row attendance CSV (a tenth registering a participant), dry run then import, ` +
      `${sizes.rounds} rounds`,
  );
  // Seeded once (the seed is not measured); each round imports into a copy of it.
  const seeded = scratchDir('import-seed');
  await runInChild('sections/import.js', ['seed', seeded, String(rows)]);
  const runs = await inRounds(sizes.rounds, {
    floor: () =>
      runInChild<{ events_per_s: number; events: number }>('sections/import-floor.js', [
        String(Math.round(rows * 1.1)),
      ]),
    // The dry run first: it writes nothing, so the import then starts from the same log.
    steps: async () => {
      const dir = scratchDir('import');
      for (const file of ['events.db', 'attendances.csv']) copyFileSync(join(seeded, file), join(dir, file));
      const dryRun = await runInChild<ImportSide>('sections/import.js', ['dry-run', dir]);
      const imported = await runInChild<ImportSide>('sections/import.js', ['import', dir]);
      return { dryRun, imported };
    },
  });
  const imports = runs.steps.map((run) => run.imported);
  const imported = medianRun(imports, (run) => run.events_per_s);
  Object.assign(results, {
    import: imported,
    import_dry_run: medianRun(
      runs.steps.map((run) => run.dryRun),
      (run) => -run.seconds,
    ),
    import_floor: medianRun(runs.floor, (run) => run.events_per_s),
    import_rows_per_s: imported.rows_per_s,
    import_ratio: round(
      medianRatio(
        imports.map((run) => run.events_per_s),
        runs.floor.map((run) => run.events_per_s),
      ),
      3,
    ),
    import_peak_rss_mb: Math.max(...imports.map((run) => run.peak_rss_mb)),
    import_dry_run_vs_import: round(median(runs.steps.map((run) => run.dryRun.seconds / run.imported.seconds)), 3),
  });
}

if (wanted('auditor')) {
  const seconds = sizes.auditorSeconds;
  step(
    `auditor_load: a command every 250 ms for ${seconds} s while an auditor keeps 100 reports and provenance in flight`,
  );
  results.auditor_load = await measureAuditorLoad(seconds, 100);
}

results.seconds = round((performance.now() - started) / 1000);
results.targets = targetsOf(results);
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
console.log(`bench/results.json written (${sizes.mode} run, ${results.seconds as number} s)`);
