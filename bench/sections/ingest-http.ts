import { join } from 'node:path';
import type { BenchSizes } from '../bench-sizes.js';
import { scratchDir } from '../support/bench-paths.js';
import { load, type LoadResult } from '../support/http-load.js';
import { startBenchServer, startService, type RunningServer } from '../support/service.js';
import { medianRatio, medianRun, round } from '../support/stats.js';

/** One load shape: connections kept busy, and how many sessions the attendances are spread over. */
export interface IngestCase {
  readonly connections: number;
  readonly sessions: number;
}

/** Issue 17: at 16 and at 32 connections, with the attendances spread over 50 sessions and over 1,000. */
export const INGEST_CASES: readonly IngestCase[] = [16, 32].flatMap((connections) =>
  [50, 1000].map((sessions) => ({ connections, sessions })),
);

type Measured = LoadResult & { readonly rounds: number[] };

export interface IngestCaseResult extends IngestCase {
  /** The service, durable: every answer waits for the fsync of the commit that holds its event. */
  readonly service: Measured;
  /** The bare route committing each request with its own fsync (synchronous=FULL). */
  readonly fsync_per_request: Measured;
  /** The bare route without fsync (synchronous=OFF): the ceiling of the HTTP stack and the disk. */
  readonly no_fsync: Measured;
  /** service / fsync_per_request, and service / no_fsync: the median of the rounds' ratios. */
  readonly vs_fsync_per_request: number;
  readonly vs_no_fsync: number;
}

type Side = 'service' | 'fsync_per_request' | 'no_fsync';
const SIDES: readonly Side[] = ['no_fsync', 'fsync_per_request', 'service'];

/**
 * RecordAttendance over HTTP, each request a new (session, participant) pair so
 * that each one writes an event: the service against a bare route that writes
 * the same row with one fsync per request and without fsync. The three servers
 * run in their own processes, all started once; the load generator runs in
 * this one against one server at a time. Each round measures every case on the
 * three in turn, so that a change in the machine's load (it is shared) weighs
 * on all of them alike, and each ratio is the median of the rounds' ratios.
 */
export async function measureIngest(sizes: BenchSizes): Promise<IngestCaseResult[]> {
  const servers = await startServers(sizes);
  try {
    const targets = SIDES.map((side) => ({ side, server: servers[side], attendances: attendancesFor(side, sizes) }));
    // Compiled and with their caches filled before anything is timed.
    for (const { server, attendances } of targets) {
      await measure(server, attendances, INGEST_CASES[0]!, 0, sizes.ingestFirstWarmupSeconds);
    }
    const runs = new Map<string, LoadResult[]>();
    for (let round = 0; round < sizes.rounds; round++) {
      for (const shape of INGEST_CASES) {
        for (const { side, server, attendances } of targets) {
          const key = `${side} ${shape.connections} ${shape.sessions}`;
          const result = await measure(server, attendances, shape, sizes.ingestWarmupSeconds, sizes.ingestSeconds);
          runs.set(key, [...(runs.get(key) ?? []), result]);
        }
      }
    }
    return INGEST_CASES.map((shape) =>
      caseResult(shape, (side) => runs.get(`${side} ${shape.connections} ${shape.sessions}`)!),
    );
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

function caseResult(shape: IngestCase, runsOf: (side: Side) => LoadResult[]): IngestCaseResult {
  const speed = (run: LoadResult): number => run.requests_per_s;
  const [service, fsync, noFsync] = [runsOf('service'), runsOf('fsync_per_request'), runsOf('no_fsync')];
  return {
    ...shape,
    service: medianRun(service, speed),
    fsync_per_request: medianRun(fsync, speed),
    no_fsync: medianRun(noFsync, speed),
    vs_fsync_per_request: round(medianRatio(service.map(speed), fsync.map(speed)), 3),
    vs_no_fsync: round(medianRatio(service.map(speed), noFsync.map(speed)), 3),
  };
}

async function startServers(sizes: BenchSizes): Promise<Record<Side, RunningServer>> {
  const bare = (mode: 'floor' | 'naive'): Promise<RunningServer> =>
    startBenchServer('servers/bare-route-server.js', [mode, join(scratchDir(`ingest-${mode}`), 'events.db')]);
  const service = await startService(scratchDir('ingest-service'));
  await seed(service.url, service.auth, sizes.ingestParticipants);
  return { service, fsync_per_request: await bare('naive'), no_fsync: await bare('floor') };
}

/**
 * The attendances one server is sent, case after case and round after round:
 * each (session, participant) pair at most once, so that each request writes.
 * A case over 50 sessions names sessions of its own, so that its pairs never
 * meet those of the case over 1,000.
 */
function attendancesFor(side: Side, sizes: BenchSizes): (sessions: number) => AttendanceRequest {
  const sent = new Map<number, number>();
  return (sessions) => {
    const n = sent.get(sessions) ?? 0;
    sent.set(sessions, n + 1);
    const participant = Math.floor(n / sessions);
    // The bare routes write whatever they are sent; the service would answer a repeat without writing.
    if (side === 'service' && participant >= sizes.ingestParticipants) {
      throw new Error(`More than ${sizes.ingestParticipants} attendances per session: seed more participants`);
    }
    const session = (sessions === MANY_SESSIONS ? 0 : MANY_SESSIONS) + (n % sessions);
    return { sessionId: `bench-s-${session}`, participantId: `bench-p-${participant % sizes.ingestParticipants}` };
  };
}

interface AttendanceRequest {
  readonly sessionId: string;
  readonly participantId: string;
}

const MANY_SESSIONS = 1000;
const FEW_SESSIONS = 50;

async function measure(
  server: RunningServer,
  attendances: (sessions: number) => AttendanceRequest,
  shape: IngestCase,
  warmupSeconds: number,
  seconds: number,
): Promise<LoadResult> {
  const options = {
    url: server.url,
    connections: shape.connections,
    headers: { ...server.auth, 'content-type': 'application/json' },
    next: () => {
      const { sessionId, participantId } = attendances(shape.sessions);
      return { path: `/api/sessions/${sessionId}/attendances`, body: JSON.stringify({ participantId }) };
    },
  };
  if (warmupSeconds > 0) await load({ ...options, seconds: warmupSeconds });
  return load({ ...options, seconds });
}

async function seed(url: string, auth: Record<string, string>, participants: number): Promise<void> {
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  };
  await post('/api/mdes', { id: 'forest', name: { fr: 'Forest', nl: 'Vorst' } });
  await post('/api/projects', {
    id: 'bench-project',
    year: 2024,
    title: 'Benchmark',
    mdes: ['forest'],
    carrier: { name: 'Maison de l’Emploi', type: 'commune' },
    kind: 'local',
    audience: 'all-job-seekers',
    targetsPartners: false,
  });
  await post('/api/projects/bench-project/decision', { decision: 'approved' });
  const requests: Array<[string, unknown]> = [
    ...Array.from({ length: MANY_SESSIONS + FEW_SESSIONS }, (_, i): [string, unknown] => [
      '/api/sessions',
      { id: `bench-s-${i}`, projectId: 'bench-project', date: '2024-03-01', kind: 'workshop' },
    ]),
    ...Array.from({ length: participants }, (_, i): [string, unknown] => [
      '/api/participants',
      { id: `bench-p-${i}`, role: 'job-seeker', registeredJobSeeker: true },
    ]),
  ];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const [path, body] = requests[next++]!;
      await post(path, body);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
