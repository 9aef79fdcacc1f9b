import { participantBody, seedApprovedProject } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Page {
  events: { position: string; type: string; metadata: { recordedAt: string } }[];
  next: string | null;
}

describe('the event log, filtered by type and recording day', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ today: '2023-01-05' });
    await seedApprovedProject(app);
    await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' });
    // Two days later, a late entry.
    app.clock.set('2023-01-07T09:00:00.000Z');
    await app.post('/api/participants', participantBody('p-late'));
    await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-late' });
  });
  afterAll(async () => {
    await app.close();
  });

  const page = async (query: string): Promise<Page> => {
    const answer = await app.get(`/api/events?${query}`);
    expect(answer.status).toBe(200);
    return answer.body as unknown as Page;
  };

  it('keeps the events of one type, in log order, paged by `next`', async () => {
    const first = await page('type=ParticipantAttended&limit=1');
    expect(first.events.map((event) => event.type)).toEqual(['ParticipantAttended']);
    expect(first.next).toBe(first.events[0]!.position);

    const second = await page(`type=ParticipantAttended&limit=1&after=${first.next}`);
    expect(second.events).toHaveLength(1);
    expect(BigInt(second.events[0]!.position)).toBeGreaterThan(BigInt(first.events[0]!.position));

    const last = await page(`type=ParticipantAttended&limit=1&after=${second.next}`);
    expect(last).toEqual({ events: [], next: null });
  });

  it('keeps the events recorded within a range of days, both ends included', async () => {
    const late = await page('from=2023-01-06&to=2023-01-07');
    expect(late.events.map((event) => event.type)).toEqual(['ParticipantRegistered', 'ParticipantAttended']);
    expect(late.next).toBeNull();

    const early = await page('type=ParticipantAttended&to=2023-01-05');
    expect(early.events.map((event) => event.metadata.recordedAt.slice(0, 10))).toEqual(['2023-01-05']);
  });

  it('refuses a type or a day it cannot read, naming the parameter', async () => {
    for (const [query, field] of [
      ['type=not a type', 'type'],
      ['from=05/01/2023', 'from'],
      ['to=2023-02-30', 'to'],
    ] as const) {
      const answer = await app.get(`/api/events?${query}`);
      expect(answer.status).toBe(400);
      expect((answer.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
    }
  });
});
