import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { createEventsSchema } from '../../src/event-store/sqlite/sqlite-schema.js';

/**
 * The baselines of the HTTP ingest: a bare Fastify route that stores each
 * request as one row of the events table, with nothing else (no validation, no
 * authentication, no decision). `floor` commits without fsync: the ceiling of
 * the HTTP stack and the disk. `naive` makes each commit durable
 * (synchronous=FULL): what one fsync per request costs.
 *
 * Usage: node bare-route-server.js floor|naive <database file>; tells its
 * parent the port it listens on.
 */
const [mode, path] = process.argv.slice(2);
if ((mode !== 'floor' && mode !== 'naive') || path === undefined) {
  throw new Error('usage: bare-route-server floor|naive <database file>');
}

const db = new Database(path);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${mode === 'floor' ? 'OFF' : 'FULL'}`);
createEventsSchema(db);
const insert = db
  .prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)')
  .safeIntegers(true);
const revisions = new Map<string, bigint>();

const app = Fastify({ logger: false });
app.post<{ Params: { id: string }; Body: { participantId: string } }>(
  '/api/sessions/:id/attendances',
  (request, reply) => {
    const stream = `session-${request.params.id}`;
    const revision = (revisions.get(stream) ?? -1n) + 1n;
    revisions.set(stream, revision);
    const commandId = randomUUID();
    const id = randomUUID();
    const data = { sessionId: request.params.id, participantId: request.body.participantId };
    const metadata = {
      recordedAt: new Date().toISOString(),
      actor: 'admin',
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    };
    const info = insert.run(
      id,
      stream,
      revision,
      'ParticipantAttended',
      JSON.stringify(data),
      JSON.stringify(metadata),
    );
    void reply.status(201);
    return { id: request.body.participantId, position: String(info.lastInsertRowid) };
  },
);

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send!({ port: Number(new URL(address).port) });
process.once('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
