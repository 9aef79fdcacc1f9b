import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { seedApprovedProject } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * EventStoreDB commit positions pass 2^53, where a JavaScript number stops being
 * exact. The embedded log is made to start there (SQLite gives each new event
 * the next rowid), so the same path — answers, minPosition, checkpoints — is
 * exercised with such positions without an EventStoreDB server.
 */
const START = 2n ** 60n;

describe('log positions beyond 2^53', () => {
  const dir = tempDir();
  let app: TestApp;

  beforeAll(async () => {
    const path = join(dir.path, 'events.db');
    await new SqliteEventStore({ path }).close();
    const raw = new Database(path);
    raw
      .prepare(
        `INSERT INTO events (position, id, stream, revision, type, data, metadata)
         VALUES (?, '00000000-0000-4000-8000-000000000001', 'participant-filler', 0, 'ParticipantRegistered', ?, ?)`,
      )
      .run(
        START,
        JSON.stringify({ participantId: 'filler', role: 'other', registeredJobSeeker: true }),
        JSON.stringify({
          recordedAt: '2023-01-01T00:00:00.000Z',
          actor: 'test',
          commandId: 'filler',
          correlationId: 'filler',
          causationId: 'filler',
          schemaVersion: 1,
        }),
      );
    raw.close();
    app = await startTestApp({ dataDir: dir.path });
    await seedApprovedProject(app);
  });
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  it('answers commands with the exact position, and queries wait for it as a decimal string', async () => {
    const write = await app.post('/api/projects/digimobile-2022/outreach', {
      id: 'o-1',
      date: '2022-08-01',
      audience: 'people',
      count: 180,
    });
    const position = write.body.position as string;

    const figures = await app.get(`/api/figures/2022/projects/digimobile-2022?minPosition=${position}`);

    expect(BigInt(position) > START).toBe(true);
    // Exact: the store's own head, digit for digit (a double would round it to a multiple of 256).
    expect(BigInt(position)).toBe(await app.head());
    expect(figures.status).toBe(200);
    expect(figures.body.position).toBe(position);
    expect(figures.body.outreach).toEqual({ people: 180 });
  });

  it('waits for a position not reached yet and answers 503, however large it is', async () => {
    const ahead = (START + 1_000_000n).toString();
    const figures = await app.get(`/api/figures/2022/projects/digimobile-2022?minPosition=${ahead}`);
    expect(figures.status).toBe(503);
  }); // the service waits 5 s: the 30 s test timeout leaves a loaded machine ample margin

  it('keeps the checkpoints exact in the read store', async () => {
    const write = await app.post('/api/participants', { id: 'p-9', role: 'citizen', registeredJobSeeker: false });
    await app.get(`/api/figures/2022?minPosition=${String(write.body.position)}`);
    const readStore = new ReadStore(join(dir.path, 'read-models.db'));

    expect(readStore.checkpoint('yearly-figures')?.position?.toString()).toBe(write.body.position);
    readStore.close();
  });
});
