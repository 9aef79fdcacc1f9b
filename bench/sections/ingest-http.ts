import { join } from 'node:path';
import type { BenchSizes } from '../bench-sizes.js';
import { scratchDir } from '../support/bench-paths.js';
import { load, type LoadResult } from '../support/http-load.js';
import { startBenchServer, startService, type RunningServer } from '../support/service.js';
import { medianRun } from '../support/stats.js';

export interface IngestResults {
  readonly ingest_http: LoadResult;
  readonly ingest_http_floor: LoadResult;
  readonly ingest_http_naive: LoadResult;
}

/** Sessions and registered participants the load records attendances between. */
const SESSIONS = 1000;
const PARTICIPANTS = 2000;

/**
 * RecordAttendance over HTTP, each request a new (session, participant) pair so
 * that each one writes an event: the service, durable, against a bare route
 * that writes the same row without fsync (floor) and with one fsync per
 * request (naive). Each server runs in its own process, the load generator in
 * this one, one after the other, with the same connections and duration, for
 * a few rounds.
 */
export async function measureIngest(sizes: BenchSizes): Promise<IngestResults> {
  const rounds = { floor: [] as LoadResult[], naive: [] as LoadResult[], ours: [] as LoadResult[] };
  // In turn, so that a change in the machine's load (it is shared) weighs on all three alike.
  for (let round = 0; round < sizes.rounds; round++) {
    rounds.floor.push(await againstBareRoute('floor', sizes));
    rounds.naive.push(await againstBareRoute('naive', sizes));
    rounds.ours.push(await againstService(sizes));
  }
  const speed = (run: LoadResult): number => run.requests_per_s;
  return {
    ingest_http: medianRun(rounds.ours, speed),
    ingest_http_floor: medianRun(rounds.floor, speed),
    ingest_http_naive: medianRun(rounds.naive, speed),
  };
}

async function againstBareRoute(mode: 'floor' | 'naive', sizes: BenchSizes): Promise<LoadResult> {
  const dir = scratchDir(`ingest-${mode}`);
  const server = await startBenchServer('servers/bare-route-server.js', [mode, join(dir, 'events.db')]);
  try {
    return await measure(server, sizes);
  } finally {
    await server.stop();
  }
}

async function againstService(sizes: BenchSizes): Promise<LoadResult> {
  const server = await startService(scratchDir('ingest-service'));
  try {
    await seed(server.url, server.auth);
    return await measure(server, sizes);
  } finally {
    await server.stop();
  }
}

async function measure(server: RunningServer, sizes: BenchSizes): Promise<LoadResult> {
  let n = 0;
  const options = {
    url: server.url,
    connections: sizes.ingestConnections,
    headers: { ...server.auth, 'content-type': 'application/json' },
    next: () => {
      const request = attendance(n++);
      return { path: `/api/sessions/${request.sessionId}/attendances`, body: JSON.stringify(request.body) };
    },
  };
  await load({ ...options, seconds: sizes.ingestWarmupSeconds });
  const result = await load({ ...options, seconds: sizes.ingestSeconds });
  return result;
}

/** The n-th attendance: sessions in turn, so that concurrent requests mostly name different sessions. */
function attendance(n: number): { sessionId: string; body: { participantId: string } } {
  return {
    sessionId: `bench-s-${n % SESSIONS}`,
    body: { participantId: `bench-p-${Math.floor(n / SESSIONS) % PARTICIPANTS}` },
  };
}

async function seed(url: string, auth: Record<string, string>): Promise<void> {
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
    ...Array.from({ length: SESSIONS }, (_, i): [string, unknown] => [
      '/api/sessions',
      { id: `bench-s-${i}`, projectId: 'bench-project', date: '2024-03-01', kind: 'workshop' },
    ]),
    ...Array.from({ length: PARTICIPANTS }, (_, i): [string, unknown] => [
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
