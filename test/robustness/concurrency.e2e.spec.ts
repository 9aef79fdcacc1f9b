import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { startServiceWithToken, type ApiAnswer, type ApiClient } from '../support/api-client.js';
import { readEventLog, streamsWithGaps, type LoggedEvent } from '../support/event-log.js';
import type { ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Many clients writing to one stream at the same moment, over real HTTP
 * connections to the built service: each stream ends with exactly the events
 * the rules allow, revisions 0, 1, 2, …, and every client is told what
 * happened to its own request.
 */
describe('concurrent writers to one stream', () => {
  const data = tempDir('indicators-concurrency-');
  let service: ServiceProcess;
  let api: ApiClient;

  const stream = (name: string): LoggedEvent[] => readEventLog(data.path).filter((event) => event.stream === name);
  const post = (path: string, body: unknown) => api.post(path, body);
  /** Shuffled, so that no request is favoured by the order it is sent in. */
  const shuffled = <T>(items: readonly T[]): T[] =>
    items
      .map((item) => ({ item, order: Math.random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ item }) => item);
  const all = <T extends { path: string; body: unknown }>(requests: readonly T[]) =>
    Promise.all(requests.map(async (request) => ({ ...request, answer: await post(request.path, request.body) })));

  beforeAll(async () => {
    ({ service, api } = await startServiceWithToken({ DATA_DIR: data.path }));
    await recordAll(post, [
      ['/api/projects', projectBody()],
      ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
      ['/api/sessions', sessionBody('dm-01')],
      ...Array.from({ length: 40 }, (_, i) => ['/api/participants', participantBody(`p-${i}`)] as const),
    ]);
  }, 60_000);

  afterAll(async () => {
    await service.stop();
    data.remove();
  });

  it('records 50 concurrent attendances to one session as the rules allow: one each, repeats 200, unknown 422', async () => {
    const requests = shuffled([
      ...Array.from({ length: 40 }, (_, i) => `p-${i}`),
      ...Array.from({ length: 6 }, (_, i) => `p-${i}`),
      ...Array.from({ length: 4 }, (_, i) => `unregistered-${i}`),
    ]).map((participantId) => ({ path: '/api/sessions/dm-01/attendances', body: { participantId }, participantId }));

    const answered = await all(requests);

    const attended = stream('session-dm-01').filter((event) => event.type === 'ParticipantAttended');
    expect(attended.map((event) => event.data.participantId).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `p-${i}`).sort(),
    );
    for (let i = 0; i < 40; i++) {
      const mine = answered.filter((request) => request.participantId === `p-${i}`);
      const event = attended.find((e) => e.data.participantId === `p-${i}`)!;
      expect(mine.map((request) => request.answer.status).sort()).toEqual(i < 6 ? [200, 201] : [201]);
      expect(mine.map((request) => request.answer.body.position)).toEqual(mine.map(() => String(event.position)));
    }
    expect(answered.filter((r) => r.participantId.startsWith('unregistered')).map((r) => r.answer.status)).toEqual([
      422, 422, 422, 422,
    ]);
    expect(streamsWithGaps(stream('session-dm-01'))).toEqual([]);
  });

  it('registers each of 10 ids once under 50 concurrent colliding registrations: 201, 200 for the same content, 409 for other content', async () => {
    const requests = shuffled(
      Array.from({ length: 10 }, (_, id) => [
        ...Array.from({ length: 3 }, () => participantBody(`collide-${id}`, { role: 'citizen' })),
        ...Array.from({ length: 2 }, () => participantBody(`collide-${id}`, { role: 'mentor' })),
      ]).flat(),
    ).map((body) => ({ path: '/api/participants', body }));

    const answered = await all(requests);

    for (let id = 0; id < 10; id++) {
      const [registered, ...others] = stream(`participant-collide-${id}`);
      expect(others).toEqual([]);
      const mine = answered.filter((request) => request.body.id === `collide-${id}`);
      const same = mine.filter((request) => request.body.role === registered!.data.role);
      const other = mine.filter((request) => request.body.role !== registered!.data.role);
      expect(same.map((request) => request.answer.status).sort()).toEqual([...same.slice(1).map(() => 200), 201]);
      expect(same.map((request) => request.answer.body.position)).toEqual(same.map(() => String(registered!.position)));
      expect(other.map((request) => request.answer.status)).toEqual(other.map(() => 409));
      expectProblem(other.map((request) => request.answer));
    }
  });

  it('decides a project once under 50 concurrent decisions and outreach, recording outreach only once approved', async () => {
    await recordAll(post, [['/api/projects', projectBody('contested-2022')]]);
    const outreach = (i: number) => ({ id: `o-${i}`, date: '2022-09-01', audience: 'people', count: 10 + i });
    const requests = shuffled([
      ...Array.from({ length: 20 }, () => ({ decision: 'approved', fundedAmount: 5000 })),
      ...Array.from({ length: 20 }, () => ({ decision: 'rejected', reason: 'out of scope' })),
      ...Array.from({ length: 10 }, (_, i) => outreach(i)),
    ]).map((body: Record<string, unknown>) => ({
      path: 'decision' in body ? '/api/projects/contested-2022/decision' : '/api/projects/contested-2022/outreach',
      body,
    }));

    const answered = await all(requests);

    const events = stream('project-contested-2022');
    const decisions = events.filter((event) => event.type === 'ProjectApproved' || event.type === 'ProjectRejected');
    expect(decisions).toHaveLength(1);
    const [decision] = decisions;
    const winner = decision!.type === 'ProjectApproved' ? 'approved' : 'rejected';
    const decided = answered.filter((request) => 'decision' in request.body);
    expect(decided.map((request) => request.answer.status).sort()).toEqual([
      ...Array.from({ length: 19 }, () => 200),
      201,
      ...Array.from({ length: 20 }, () => 409),
    ]);
    expect(decided.filter((r) => r.answer.status < 300).every((r) => r.body.decision === winner)).toBe(true);

    const recorded = events.filter((event) => event.type === 'OutreachRecorded');
    expect(recorded.filter((event) => event.revision < decision!.revision)).toEqual([]);
    if (winner === 'rejected') expect(recorded).toEqual([]);
    for (const request of answered.filter((r) => !('decision' in r.body))) {
      const event = recorded.find((e) => e.data.outreachId === request.body.id);
      expect(request.answer.status).toBe(event ? 201 : 422);
    }
    expect(streamsWithGaps(events)).toEqual([]);
  });
});

function expectProblem(answers: readonly ApiAnswer[]): void {
  for (const answer of answers) {
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: answer.status });
  }
}
