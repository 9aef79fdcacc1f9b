/** The targets of issue #8, each checked against the measured value of the same run. */
interface Target {
  readonly key: string;
  readonly value: number | undefined;
  readonly goal: string;
  readonly met: boolean | undefined;
}

type Results = Record<string, unknown>;

const at = (results: Results, path: string): number | undefined => {
  let value: unknown = results;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'number' ? value : undefined;
};

const atLeast = (key: string, value: number | undefined, goal: number): Target => ({
  key,
  value,
  goal: `≥ ${goal}`,
  met: value === undefined ? undefined : value >= goal,
});
const atMost = (key: string, value: number | undefined, goal: number, unit = ''): Target => ({
  key,
  value,
  goal: `≤ ${goal}${unit}`,
  met: value === undefined ? undefined : value <= goal,
});

type PointInThePast = { available: boolean; ms?: number; status?: number } | undefined;
const pointsInThePast = (results: Results) =>
  (results.query as { as_of?: PointInThePast; at_position?: PointInThePast } | undefined) ?? {};

interface IngestCase {
  readonly connections: number;
  readonly sessions: number;
}

const ingestCases = (results: Results): readonly IngestCase[] =>
  (results.ingest_http as readonly IngestCase[] | undefined) ?? [];

const caseName = (c: IngestCase): string => `${c.connections} connections, ${c.sessions} sessions`;

export function targetsOf(results: Results): Target[] {
  const { as_of: asOf, at_position: atPosition } = pointsInThePast(results);
  return [
    ...ingestCases(results).flatMap((c, i) => [
      atLeast(
        `ingest_http vs fsync per request, ${caseName(c)}`,
        at(results, `ingest_http.${i}.vs_fsync_per_request`),
        1.3,
      ),
      atLeast(`ingest_http vs no fsync, ${caseName(c)}`, at(results, `ingest_http.${i}.vs_no_fsync`), 0.5),
    ]),
    atLeast('append_ratio', at(results, 'append_ratio'), 0.7),
    atLeast('rebuild_ratio', at(results, 'rebuild_ratio'), 0.5),
    atMost('growth_ratio', at(results, 'growth_ratio'), 1.2),
    atLeast('peer_ratio', at(results, 'peer_ratio'), 5),
    atMost('query programme figures p99', at(results, 'query.programme_figures.p99_ms'), 2, ' ms'),
    atMost('query project figures p99', at(results, 'query.project_figures.p99_ms'), 2, ' ms'),
    atMost('query asOf', asOf?.available ? asOf.ms : undefined, 250, ' ms'),
    atMost('query atPosition', atPosition?.available ? atPosition.ms : undefined, 250, ' ms'),
    atMost('report JSON (slowest year)', at(results, 'query.report_json.ms'), 500, ' ms'),
    atMost('rebuild peak RSS', at(results, 'rebuild.peak_rss_mb'), 400, ' MB'),
    atLeast('import_ratio', at(results, 'import_ratio'), 0.3),
    atMost('import_peak_rss_mb', at(results, 'import_peak_rss_mb'), 300, ' MB'),
    atMost('import dry run / import (time)', at(results, 'import_dry_run_vs_import'), 1),
  ];
}

/** The run as a Markdown table (the README's "Performance" section shows one). */
export function printTable(results: Results): void {
  const n = (path: string, unit = ''): string => {
    const value = at(results, path);
    return value === undefined ? '–' : `${value.toLocaleString('en-US')}${unit}`;
  };
  const sizes = results.sizes as { mode: string; logEvents: number; growthSmallEvents: number };
  const { as_of: asOf, at_position: atPosition } = pointsInThePast(results);
  const past = (point: PointInThePast): string =>
    point === undefined ? '–' : point.available ? `${point.ms} ms` : `not available (HTTP ${point.status})`;
  const rows: string[][] = [
    ['key', 'measured', 'baseline (same run)', 'ratio'],
    ...ingestCases(results).map((c, i) => [
      `ingest_http, ${caseName(c)}`,
      `${n(`ingest_http.${i}.service.requests_per_s`)} commands/s, ` +
        `p50 ${n(`ingest_http.${i}.service.p50_ms`)} ms, p99 ${n(`ingest_http.${i}.service.p99_ms`)} ms`,
      `fsync per request ${n(`ingest_http.${i}.fsync_per_request.requests_per_s`)} req/s; ` +
        `no fsync ${n(`ingest_http.${i}.no_fsync.requests_per_s`)} req/s`,
      `${n(`ingest_http.${i}.vs_fsync_per_request`)}; ${n(`ingest_http.${i}.vs_no_fsync`)}`,
    ]),
    [
      'append',
      `${n('append.events_per_s')} events/s`,
      `append_floor ${n('append_floor.events_per_s')} events/s`,
      n('append_ratio'),
    ],
    [
      `rebuild (${sizes.logEvents.toLocaleString('en-US')} events)`,
      `${n('rebuild.events_per_s')} events/s, peak RSS ${n('rebuild.peak_rss_mb')} MB`,
      `rebuild_floor ${n('rebuild_floor.events_per_s')} events/s`,
      n('rebuild_ratio'),
    ],
    [
      "rebuild's lower bound (the ledger's chain and rows, a register row per attendance; no target)",
      `${n('rebuild_bound.events_per_s')} events/s`,
      `rebuild_floor ${n('rebuild_floor.events_per_s')} events/s`,
      n('rebuild_bound_ratio'),
    ],
    [
      `query (${sizes.logEvents.toLocaleString('en-US')} events)`,
      `programme p50 ${n('query.programme_figures.p50_ms')} / p99 ${n('query.programme_figures.p99_ms')} ms; ` +
        `project p50 ${n('query.project_figures.p50_ms')} / p99 ${n('query.project_figures.p99_ms')} ms; ` +
        `asOf ${past(asOf)}; atPosition ${past(atPosition)}; report JSON ${n('query.report_json.ms', ' ms')}`,
      '',
      '',
    ],
    [
      'growth',
      `${n('growth.large.us_per_event')} µs/event at ${n('growth.large.stored_events')} stored`,
      `${n('growth.small.us_per_event')} µs/event at ${n('growth.small.stored_events')} stored`,
      n('growth_ratio'),
    ],
    [
      'peer',
      `ours ${n('peer.ours.commands_per_s')} commands/s (${n('peer.ours.concurrency')} in flight)`,
      `emmett-sqlite ${n('peer.emmett.commands_per_s')} commands/s (${n('peer.emmett.concurrency')} in flight)`,
      n('peer_ratio'),
    ],
    [
      'import (attendance CSV)',
      `${n('import.rows')} rows: ${n('import_rows_per_s')} rows/s, ${n('import.events_per_s')} events/s, ` +
        `peak RSS ${n('import_peak_rss_mb')} MB; dry run ${n('import_dry_run.seconds')} s vs ${n('import.seconds')} s`,
      `import_floor ${n('import_floor.events_per_s')} events/s`,
      n('import_ratio'),
    ],
  ];
  console.log(`\n${sizes.mode} run\n`);
  console.log(markdown(rows));
  const targets = [
    ['target', 'value', 'goal', 'met'],
    ...targetsOf(results).map((t) => [
      t.key,
      t.value === undefined ? '–' : String(t.value),
      t.goal,
      t.met === undefined ? 'not measured' : t.met ? 'yes' : 'NO',
    ]),
  ];
  console.log(`\n${markdown(targets)}\n`);
}

function markdown(rows: readonly string[][]): string {
  const [head, ...body] = rows;
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head!), line(head!.map(() => '---')), ...body.map(line)].join('\n');
}
