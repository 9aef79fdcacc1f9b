import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { startServiceWithToken, type ApiAnswer, type ApiClient } from '../support/api-client.js';
import { readEventLog, streamsWithGaps, type LoggedEvent } from '../support/event-log.js';
import { seedFrom, seededRandom } from '../support/seeded-random.js';
import type { ServiceProcess } from '../support/service-process.js';
import { mdeRegistrations } from '../support/mdes.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Many clients writing to one stream at the same moment, over real HTTP
 * connections to the built service: each stream ends with exactly the events
 * the rules allow, revisions 0, 1, 2, …, and every client is told what
 * happened to its own request.
 *
 * The order requests are sent in is shuffled from a seed printed at the start:
 * CONCURRENCY_TEST_SEED=<seed> replays the same orders.
 */
describe('concurrent writers to one stream', () => {
  const data = tempDir('indicators-concurrency-');
  const seed = seedFrom('CONCURRENCY_TEST_SEED');
  const random = seededRandom(seed);
  let service: ServiceProcess;
  let api: ApiClient;

  const stream = (name: string): LoggedEvent[] => readEventLog(data.path).filter((event) => event.stream === name);
  const post = (path: string, body: unknown) => api.post(path, body);
  /** Shuffled (Fisher–Yates, from the seed), so that no request is favoured by the order it is sent in. */
  const shuffled = <T>(items: readonly T[]): T[] => {
    const order = [...items];
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  };
  const all = <T extends { path: string; body: unknown }>(requests: readonly T[]) =>
    Promise.all(requests.map(async (request) => ({ ...request, answer: await post(request.path, request.body) })));

  beforeAll(async () => {
    console.log(`Concurrency test: CONCURRENCY_TEST_SEED=${seed} replays these orders`);
    ({ service, api } = await startServiceWithToken({ DATA_DIR: data.path }));
    await recordAll(post, [
      ...mdeRegistrations(),
      ['/api/projects', projectBody()],
      ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
      ['/api/sessions', sessionBody('dm-01')],
      ...Array.from({ length: 40 }, (_, i) => ['/api/participants', participantBody(`p-${i}`)] as const),
    ]);
  }, 60_000);

  afterAll(async () => {
    try {
      await service.stop();
    } finally {
      data.remove();
    }
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
    const unregistered = answered.filter((r) => r.participantId.startsWith('unregistered'));
    expect(unregistered.map((r) => r.answer.status)).toEqual([422, 422, 422, 422]);
    expectProblems(
      unregistered.map((r) => r.answer),
      /Participant unregistered-\d is not registered/,
    );
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
      expectProblems(
        other.map((request) => request.answer),
        new RegExp(`Participant collide-${id} was already registered with different content`),
      );
    }
  });

  it.each([
    ['approved', { decision: 'approved', fundedAmount: 5000 }, { decision: 'rejected', reason: 'out of scope' }],
    ['rejected', { decision: 'rejected', reason: 'out of scope' }, { decision: 'approved', fundedAmount: 5000 }],
  ] as const)(
    'decides a project once under 50 concurrent decisions and outreach: once %s, the same decision is 200, the other 409, outreach as the decision allows',
    async (winner, decision, otherDecision) => {
      const projectId = `contested-${winner}-2022`;
      await recordAll(post, [['/api/projects', projectBody(projectId)]]);
      // The winning decision is answered first; the other 49 requests then race against it and each other.
      const first = await post(`/api/projects/${projectId}/decision`, decision);
      expect(first.status).toBe(201);
      const outreach = (i: number) => ({ id: `o-${i}`, date: '2022-09-01', audience: 'people', count: 10 + i });
      const requests = shuffled<Record<string, unknown>>([
        ...Array.from({ length: 19 }, () => decision),
        ...Array.from({ length: 20 }, () => otherDecision),
        ...Array.from({ length: 10 }, (_, i) => outreach(i)),
      ]).map((body) => ({
        path: `/api/projects/${projectId}/${'decision' in body ? 'decision' : 'outreach'}`,
        body,
      }));

      const answered = await all(requests);

      const events = stream(`project-${projectId}`);
      expect(events.filter((event) => event.type === 'ProjectApproved' || event.type === 'ProjectRejected')).toEqual([
        expect.objectContaining({ type: winner === 'approved' ? 'ProjectApproved' : 'ProjectRejected' }),
      ]);
      const statuses = (body: object) =>
        answered.filter((request) => request.body === body).map((request) => request.answer.status);
      expect(statuses(decision)).toEqual(Array.from({ length: 19 }, () => 200));
      expect(statuses(otherDecision)).toEqual(Array.from({ length: 20 }, () => 409));
      expectProblems(
        answered.filter((request) => request.body === otherDecision).map((request) => request.answer),
        new RegExp(`Project ${projectId} was already ${winner}; a project is decided once`),
      );

      const recorded = events.filter((event) => event.type === 'OutreachRecorded');
      const outreachAnswers = answered.filter((request) => !('decision' in request.body)).map((r) => r.answer);
      if (winner === 'approved') {
        expect(recorded).toHaveLength(10);
        expect(outreachAnswers.map((answer) => answer.status)).toEqual(outreachAnswers.map(() => 201));
      } else {
        expect(recorded).toEqual([]);
        expect(outreachAnswers.map((answer) => answer.status)).toEqual(outreachAnswers.map(() => 422));
        expectProblems(
          outreachAnswers,
          new RegExp(`only be recorded for an approved project; project ${projectId} is rejected`),
        );
      }
      expect(streamsWithGaps(events)).toEqual([]);
    },
  );
});

/** Refusals among concurrent writes: problem details naming the rule (the log head moves with the others' writes). */
function expectProblems(answers: readonly ApiAnswer[], rule: RegExp): void {
  for (const answer of answers) {
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: answer.status, detail: expect.stringMatching(rule) });
  }
}
