import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { startServiceWithToken, type ApiClient } from '../support/api-client.js';
import { readEventLog, readLogHead } from '../support/event-log.js';
import { expectRefusal } from '../support/refusal.js';
import type { ServiceProcess } from '../support/service-process.js';
import { mdeRegistrations } from '../support/mdes.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Retries under an Idempotency-Key, over real HTTP: a client whose answer was
 * lost sends the same request again, possibly before the first one finished,
 * on another connection.
 */
describe('Idempotency-Key under retries', () => {
  const data = tempDir('indicators-idempotency-');
  let service: ServiceProcess;
  let api: ApiClient;

  const postOnNewConnection = (path: string, body: unknown, key: string) =>
    api.postOnNewConnection(path, body, { 'idempotency-key': key });
  // One token sends every command here; its keys are stored scoped to it (`<token id>/<key>`).
  const eventsOf = (key: string) =>
    readEventLog(data.path).filter((event) => event.metadata.commandId.endsWith(`/${key}`));

  beforeAll(async () => {
    ({ service, api } = await startServiceWithToken({ DATA_DIR: data.path }));
    await recordAll(
      (path, body) => api.post(path, body),
      [
        ...mdeRegistrations(),
        ['/api/projects', projectBody()],
        ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
        ['/api/projects', projectBody('undecided-2022')],
        ['/api/participants', participantBody('p-1')],
        ['/api/participants', participantBody('p-2')],
        ['/api/sessions', sessionBody('dm-01')],
        ['/api/sessions', sessionBody('dm-02')],
        ['/api/sessions/dm-02/attendances', { participantId: 'p-1' }],
      ],
    );
  }, 60_000);

  afterAll(async () => {
    await service.stop();
    data.remove();
  });

  const stage = {
    id: 's-1',
    projectId: 'digimobile-2022',
    startDate: '2022-10-03',
    sector: 'horeca',
    companyId: 'c-1',
  };
  const commands: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
    ['submit a project', '/api/projects', projectBody('retried-2022')],
    ['decide a project', '/api/projects/undecided-2022/decision', { decision: 'rejected', reason: 'late' }],
    [
      'record outreach',
      '/api/projects/digimobile-2022/outreach',
      { id: 'o-1', date: '2022-09-01', audience: 'people', count: 3 },
    ],
    ['write a narrative', '/api/projects/digimobile-2022/narrative', { year: 2022, text: 'Un bus numérique…' }],
    ['record a session', '/api/sessions', sessionBody('dm-03')],
    ['record an attendance', '/api/sessions/dm-01/attendances', { participantId: 'p-1' }],
    ['retract an attendance', '/api/sessions/dm-02/attendances/p-1/retraction', { reason: 'wrong session' }],
    ['cancel a session', '/api/sessions/dm-03/cancellation', { reason: 'storm' }],
    ['register a participant', '/api/participants', participantBody('p-3')],
    ['record a stage', '/api/participants/p-2/stages', stage],
    [
      'record an outcome',
      '/api/participants/p-2/outcomes',
      { id: 'out-1', projectId: 'digimobile-2022', type: 'hired', date: '2022-11-30' },
    ],
  ];

  it.each(commands)(
    'writes once and answers both alike when two connections send the same keyed request at once: %s',
    async (_name, path, body) => {
      const key = `twice-${path}`;
      const answers = await Promise.all([postOnNewConnection(path, body, key), postOnNewConnection(path, body, key)]);

      const written = eventsOf(key);
      expect(written).toHaveLength(1);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
      expect(answers[0].body).toBe(answers[1].body);
      expect(JSON.parse(answers[0].body)).toMatchObject({ position: String(written[0]!.position) });
      const again = await postOnNewConnection(path, body, key);
      expect([again.status, again.body]).toEqual([200, answers[0].body]);
    },
  );

  describe('a key reused for a different request is refused (422) and writes nothing', () => {
    const reused = async (key: string, path: string, body: unknown) => {
      const answer = await expectRefusal(
        { head: () => readLogHead(data.path) },
        () => api.post(path, body, { 'idempotency-key': key }),
        422,
        new RegExp(`^Idempotency-Key ${key} was already used for a different request`),
      );
      expect(answer.body).toMatchObject({ title: 'Idempotency-Key reused' });
    };

    beforeAll(async () => {
      const { status } = await api.post('/api/participants', participantBody('p-keyed'), { 'idempotency-key': 'used' });
      if (status !== 201) throw new Error(`the first use of the key answered ${status}`);
    });

    it('on the same route with other content', () =>
      reused('used', '/api/participants', participantBody('p-keyed', { role: 'mentor' })));
    it('on the same stream with another command', () =>
      reused('used', '/api/participants/p-keyed/outcomes', {
        id: 'o',
        projectId: 'digimobile-2022',
        type: 'hired',
        date: '2022-11-30',
      }));
    it('on another stream', () => reused('used', '/api/participants', participantBody('p-fresh')));
    it('on another stream, for a fact that is already recorded', () =>
      reused('used', '/api/participants', participantBody('p-1')));

    it('when two connections send different requests under one key at once: one is written, the other refused', async () => {
      const answers = await Promise.all([
        postOnNewConnection('/api/participants', participantBody('p-race-a'), 'raced'),
        postOnNewConnection('/api/participants', participantBody('p-race-b'), 'raced'),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
      expect(eventsOf('raced')).toHaveLength(1);
    });
  });
});
