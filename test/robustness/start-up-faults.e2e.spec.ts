import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { participantBody, projectBody, recordAll } from '../support/api-fixtures.js';
import { startServiceWithToken } from '../support/api-client.js';
import { DEMO_MDES, mdeRegistrations } from '../support/mdes.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The built service started on a damaged or unwritable data directory: it
 * refuses to start (exit 1), says which file and what to do, and touches
 * nothing; it starts once the fault is gone, with every fact still there.
 */
describe('resource faults at start-up', () => {
  const data = tempDir('indicators-faults-');
  const env = { DATA_DIR: data.path };
  const events = join(data.path, 'events.db');
  const readModels = join(data.path, 'read-models.db');

  /** Starting must fail, with the service's own explanation. */
  const refusesToStart = (why: RegExp, environment = env, user?: { uid: number; gid: number }) =>
    expect(startServiceWithToken(environment, user ? { user } : {})).rejects.toThrow(why);

  const startsWithItsFacts = async () => {
    const { service, api } = await startServiceWithToken(env);
    try {
      // The demo's MDEs, then the project and its approval.
      const project = await api.get(`/api/projects/digimobile-2022?minPosition=${DEMO_MDES.length + 2}`);
      expect(project.status).toBe(200);
      expect(project.body).toMatchObject({ status: 'approved' });
    } finally {
      expect(await service.stop()).toBe(0);
    }
  };

  beforeAll(async () => {
    const { service, api } = await startServiceWithToken(env);
    try {
      await recordAll(
        (path, body) => api.post(path, body),
        [
          ...mdeRegistrations(),
          ['/api/projects', projectBody()],
          ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
          ['/api/participants', participantBody()],
        ],
      );
    } finally {
      await service.stop();
    }
  });

  afterAll(() => data.remove());

  it('refuses a damaged events database, naming it, and leaves it as it is; starts once it is restored', async () => {
    const good = readFileSync(events);
    const damaged = Buffer.concat([Buffer.alloc(128, 'not a database '), good.subarray(128)]);
    writeFileSync(events, damaged);

    await refusesToStart(
      /exited with 1[\s\S]*Cannot open the events database \S*events\.db[\s\S]*restore it from a backup/,
    );
    expect(readFileSync(events).equals(damaged)).toBe(true);

    writeFileSync(events, good);
    await startsWithItsFacts();
  }, 60_000);

  it('refuses damaged read models, saying they can be rebuilt; rebuilds them from the log once the file is moved away', async () => {
    for (const suffix of ['-wal', '-shm']) rmSync(`${readModels}${suffix}`, { force: true });
    const damaged = Buffer.alloc(8192, 'garbage ');
    writeFileSync(readModels, damaged);

    await refusesToStart(
      /exited with 1[\s\S]*Cannot open the read models \S*read-models\.db[\s\S]*moving the file away/,
    );
    expect(readFileSync(readModels).equals(damaged)).toBe(true);

    renameSync(readModels, `${readModels}.damaged`);
    await startsWithItsFacts();
  }, 60_000);

  it('refuses a data directory it may not write to, and starts once it may', async () => {
    // Root ignores permission bits: as root, the service runs as nobody for this test.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const readOnly = tempDir('indicators-read-only-');
    try {
      chmodSync(readOnly.path, 0o555);
      await refusesToStart(
        /exited with 1[\s\S]*Cannot open the events database[\s\S]*check that DATA_DIR exists and that this user may write to it/,
        { DATA_DIR: readOnly.path },
        user,
      );

      chmodSync(readOnly.path, 0o777);
      const { service } = await startServiceWithToken({ DATA_DIR: readOnly.path }, user ? { user } : {});
      expect(await service.stop()).toBe(0);
    } finally {
      readOnly.remove();
    }
  }, 60_000);
});
