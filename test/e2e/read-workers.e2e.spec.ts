import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { mdeRegistrations } from '../support/mdes.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

const ADMIN_TOKEN = 'read-workers-e2e-admin-token';

/** Every expensive read the built service answers, by path and Accept. */
const READS: ReadonlyArray<readonly [string, string]> = [
  ['/api/reports/2022', 'text/html'],
  ['/api/reports/2022', 'text/csv'],
  ['/api/reports/2022', 'application/json'],
  ['/api/figures/2022/provenance?figure=participants', 'application/json'],
  ['/api/figures/2022/projects/digimobile-2022/provenance?figure=attendances', 'application/json'],
  ['/api/figures/2022?atPosition=20', 'application/json'],
  ['/api/figures/2022/mdes/forest?asOf=2030-01-01T00:00:00Z', 'application/json'],
  ['/api/figures/2022/corrections', 'application/json'],
];

/** One at a time: a token has at most 4 expensive reads in flight. */
async function answers(service: ServiceProcess): Promise<string[]> {
  const read = [];
  for (const [path, accept] of READS) {
    const response = await fetch(`${service.url}${path}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept },
    });
    read.push(`${response.status} ${path} ${accept}\n${await response.text()}`);
  }
  return read;
}

/**
 * Issue 19, point 2, on the built service: its read workers answer what the
 * request thread answers (READ_WORKERS=0), byte for byte, and a SIGTERM ends
 * them with the service.
 */
describe('the built service with read workers', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('answers reports, provenance and replays as on the request thread, and stops promptly', async () => {
    const env = { DATA_DIR: dir.path, ADMIN_TOKEN };
    const onThread = await startService({ ...env, READ_WORKERS: '0' });
    let expected: string[];
    try {
      const post = async (url: string, body: unknown) => {
        const response = await fetch(`${onThread.url}${url}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      };
      await recordAll(post, [
        ...mdeRegistrations(),
        ['/api/projects', projectBody()],
        ['/api/projects/digimobile-2022/decision', { decision: 'approved', fundedAmount: 12000 }],
        ['/api/participants', participantBody()],
        ['/api/participants', participantBody('p-2', { role: 'citizen', registeredJobSeeker: false })],
        ['/api/sessions', sessionBody()],
        ['/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' }],
        ['/api/sessions/dm-01/attendances', { participantId: 'p-2' }],
        ['/api/sessions/dm-01/attendances/p-2/retraction', { reason: 'recorded twice' }],
      ]);
      expected = await answers(onThread);
    } finally {
      await onThread.stop();
    }
    expect(expected.every((answer) => answer.startsWith('200 '))).toBe(true);

    const inWorkers = await startService(env);
    try {
      // Twice: the first reads start the workers, the second find them running.
      expect(await answers(inWorkers)).toEqual(expected);
      expect(await answers(inWorkers)).toEqual(expected);
      const metrics = await fetch(`${inWorkers.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(await metrics.text()).toMatch(/^read_workers [12]$/m);
    } finally {
      const stopping = Date.now();
      expect(await inWorkers.stop()).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(10_000);
    }
  }, 90_000);
});
