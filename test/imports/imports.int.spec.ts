import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { participantBody, recordAll, seedApprovedProject, sessionBody } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { ROOT } from '../support/service-process.js';
import { XLSX, xlsxHeader, xlsxOf } from '../support/spreadsheets.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

interface RowAnswer {
  line: number;
  outcome: 'new' | 'repeat' | 'refused';
  id: string;
  position?: string;
  problem?: { status: number; detail: string; errors?: { field: string; message: string }[] };
}

const fixture = (name: string): Buffer => readFileSync(join(ROOT, 'test/imports/fixtures', name));
const results = (answer: TestResponse): RowAnswer[] => answer.body.results as RowAnswer[];

describe('POST /api/imports', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
    await seedApprovedProject(app);
  });

  afterEach(() => app.close());

  const upload = (kind: string, file: string | Buffer, query = '', headers: Record<string, string> = {}) =>
    app.send('POST', `/api/imports?kind=${kind}${query}`, file, { 'content-type': 'text/csv', ...headers });
  const streamEvents = async (stream: string) =>
    (await app.get(`/api/streams/${stream}`)).body.events as {
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }[];

  it('reads a French Excel CSV (Windows-1252, `;`, 18/07/2022) and refuses a row as POST /api/sessions would', async () => {
    const answer = await upload('sessions', fixture('seances-excel-fr.csv'), '&fileName=seances.csv');

    expect(answer.status).toBe(200);
    expect({ summary: answer.body.summary, refused: results(answer).map((row) => row.problem?.detail) }).toEqual({
      summary: { new: 2, repeat: 0, refused: 1 },
      refused: [undefined, undefined, expect.stringMatching(/^date: date must be a calendar date/)],
    });
    expect(answer.body).toMatchObject({ dryRun: false, kind: 'sessions', rows: 3 });
    expect(results(answer).map(({ line, outcome, id }) => [line, outcome, id])).toEqual([
      [2, 'new', 'dm-10'],
      [3, 'new', 'dm-11'],
      [5, 'refused', 'dm-12'],
    ]);
    const [held] = await streamEvents('session-dm-11');
    expect(held!.data).toMatchObject({ date: '2022-07-19', title: 'Séance d’information « numérique »' });
    expect(held!.metadata).toMatchObject({ importId: answer.body.importId, line: 3 });

    const oneByOne = await expectRefusal(
      app,
      () =>
        app.post(
          '/api/sessions',
          sessionBody('dm-12', { date: '2022-02-31', kind: 'workshop', title: 'Atelier', location: 'Jette' }),
        ),
      400,
      /^date: date must be a calendar date/,
    );
    expect(results(answer)[2]!.problem).toEqual(oneByOne.body);
  });

  it('reads a Dutch Excel CSV, registering unknown participants first; ja/nee are booleans', async () => {
    const answer = await upload('attendances', fixture('aanwezigheden-excel-nl.csv'));

    expect(answer.body.summary).toEqual({ new: 3, repeat: 0, refused: 1 });
    const refused = results(answer).find((row) => row.outcome === 'refused')!;
    expect(refused).toMatchObject({ line: 5, id: 'p-nl-3', problem: { status: 400 } });
    expect(refused.problem!.errors).toEqual([
      { field: 'registeredJobSeeker', message: 'registeredJobSeeker must be a boolean value' },
    ]);
    expect((await streamEvents('participant-p-nl-2'))[0]!.data).toMatchObject({ registeredJobSeeker: false });
    expect((await app.get('/api/streams/participant-p-nl-3')).body.events ?? []).toEqual([]);
  });

  it('reads the first sheet of an XLSX with date cells; a formula is text, never evaluated', async () => {
    const file = await xlsxOf([
      ['id', 'projectId', 'date', 'kind'],
      ['dm-20', 'digimobile-2022', new Date(Date.UTC(2022, 6, 18)), 'workshop'],
      [{ formula: 'CONCAT("dm-","21")', result: 'dm-21' }, 'digimobile-2022', new Date(Date.UTC(2022, 6, 19)), 'event'],
      [{ formula: 'A2', result: 'dm-20' }, 'digimobile-2022', '20/07/2022', 'workshop'],
    ]);
    const answer = await upload('sessions', file, '', { 'content-type': XLSX });

    expect(results(answer).map(({ line, outcome }) => [line, outcome])).toEqual([
      [2, 'new'],
      [3, 'refused'],
      [4, 'refused'],
    ]);
    expect(results(answer)[1]!.problem!.errors).toEqual([
      { field: 'id', message: expect.stringMatching(/^id must match/) },
    ]);
    expect((await streamEvents('session-dm-20'))[0]!.data.date).toBe('2022-07-18');
    expect((await app.get('/api/streams/session-dm-21')).body.events ?? []).toEqual([]);
  });

  it('writes nothing the second time, and only the corrected row from a corrected file', async () => {
    const file = 'id;role;registeredJobSeeker\np-1;job-seeker;oui\np-2;wizard;non\np-3;citizen;0\n';
    expect((await upload('participants', file)).body.summary).toEqual({ new: 2, repeat: 0, refused: 1 });
    const head = await app.head();

    expect((await upload('participants', file)).body.summary).toEqual({ new: 0, repeat: 2, refused: 1 });
    expect(await app.head()).toBe(head);

    const corrected = await upload('participants', file.replace('wizard', 'volunteer'));
    expect(corrected.body.summary).toEqual({ new: 1, repeat: 2, refused: 0 });
    expect(results(corrected)[1]).toMatchObject({ line: 3, outcome: 'new', id: 'p-2' });
    expect(await app.head()).toBe(head! + 2n);
  });

  it("keeps a session's sheet idempotent row by row, each row pointing at its own event and line", async () => {
    const sheet = (participants: string[]) =>
      ['sessionId;participantId;role;registeredJobSeeker', ...participants.map((id) => `dm-01;${id};citizen;non`)].join(
        '\n',
      );
    const participants = Array.from({ length: 30 }, (_, index) => `p-sheet-${index}`);
    const first = await upload('attendances', sheet(participants));
    expect(first.body.summary).toEqual({ new: 30, repeat: 0, refused: 0 });
    const attended = (await streamEvents('session-dm-01')).slice(1);
    expect(attended.map((event) => [event.data.participantId, event.metadata.line])).toEqual(
      participants.map((id, index) => [id, index + 2]),
    );
    const head = await app.head();

    expect((await upload('attendances', sheet(participants))).body.summary).toEqual({ new: 0, repeat: 30, refused: 0 });
    expect(await app.head()).toBe(head);

    const corrected = await upload('attendances', sheet(participants.with(7, 'p-sheet-late')));
    expect(corrected.body.summary).toEqual({ new: 1, repeat: 29, refused: 0 });
    expect(results(corrected)[7]).toMatchObject({ line: 9, outcome: 'new', id: 'p-sheet-late' });
    // Its registration and its attendance, and the import's record.
    expect(await app.head()).toBe(head! + 3n);
    const [late] = (await streamEvents('session-dm-01')).slice(-1);
    expect(late!.metadata).toMatchObject({ importId: corrected.body.importId, line: 9 });
    expect(results(first)[29]!.position).not.toBe(results(first)[28]!.position);
  });

  it('answers in a dry run exactly what the import then answers, later rows seeing earlier ones, and writes nothing', async () => {
    await recordAll(app.post, [['/api/sessions', sessionBody('dm-02', { date: '2022-07-19' })]]);
    const file = [
      'sessionId;participantId;role;registeredJobSeeker',
      'dm-01;p-new;citizen;non',
      'dm-02;p-new;;',
      'dm-01;p-7f3a;;',
      'dm-01;p-ghost;;',
      'dm-01;p-new;citizen;non',
      'nowhere;p-7f3a;;',
    ].join('\n');
    const head = await app.head();

    const dryRun = await upload('attendances', file, '&dryRun=true');
    expect(await app.head()).toBe(head);
    expect((await app.get('/api/streams/participant-p-new')).body.events ?? []).toEqual([]);

    const imported = await upload('attendances', file);
    const withoutWrites = (answer: TestResponse) => results(answer).map(({ position: _position, ...row }) => row);
    expect(dryRun.body).toMatchObject({ dryRun: true, summary: imported.body.summary });
    expect(withoutWrites(dryRun)).toEqual(withoutWrites(imported));
    expect(results(dryRun).map((row) => row.outcome)).toEqual(['new', 'new', 'new', 'refused', 'repeat', 'refused']);
    expect(results(dryRun)[3]!.problem).toMatchObject({ status: 422 });
    expect(results(dryRun)[5]!.problem).toMatchObject({ status: 404 });
    expect(results(dryRun).filter((row) => row.outcome === 'new' && row.position !== undefined)).toEqual([]);
  });

  it('records the import with its SHA-256 and counts, and lists the imports newest first, paged', async () => {
    const first = 'id;role;registeredJobSeeker\np-a;citizen;non\n';
    const second = 'id;role;registeredJobSeeker\np-b;citizen;non\np-c;mentor;nope\n';
    const a = await upload('participants', first, '&fileName=a.csv');
    const b = await upload('participants', second);

    const [recorded] = await streamEvents(`import-${String(b.body.importId)}`);
    expect(recorded!.data).toEqual({
      importId: b.body.importId,
      kind: 'participants',
      fileName: null,
      sha256: createHash('sha256').update(second).digest('hex'),
      counts: { rows: 2, new: 1, repeat: 0, refused: 1 },
      mdes: [],
    });
    const page = await app.get(`/api/imports?limit=1&minPosition=${String(b.body.position)}`);
    expect(page.body.items).toMatchObject([{ importId: b.body.importId, counts: { rows: 2, new: 1 } }]);
    const next = await app.get(`/api/imports?limit=1&after=${String(page.body.next)}`);
    expect(next.body).toMatchObject({ items: [{ importId: a.body.importId, fileName: 'a.csv' }], next: null });
  });

  it("checks a partner's scope row by row, naming no other MDE, and lists only what concerns it", async () => {
    const token = async (mdes: string[]) =>
      (await app.post('/api/tokens', { role: 'partner', mdes, label: mdes.join() })).body.token as string;
    const forest = { authorization: `Bearer ${await token(['forest'])}` };
    const uccle = { authorization: `Bearer ${await token(['uccle'])}` };
    const file = 'id;projectId;date;kind\ndm-30;digimobile-2022;2022-07-18;workshop\n';

    const outside = await upload('sessions', file, '', uccle);
    expect(outside.body.summary).toEqual({ new: 0, repeat: 0, refused: 1 });
    expect(results(outside)[0]!.problem).toMatchObject({ status: 403 });
    expect(JSON.stringify(results(outside)[0]!.problem)).not.toMatch(/forest|bruxelles-ville|ixelles/);

    const inside = await upload('sessions', file, '', forest);
    expect(inside.body.summary).toEqual({ new: 1, repeat: 0, refused: 0 });
    const minPosition = `?minPosition=${String(inside.body.position)}`;
    expect((await app.get(`/api/imports${minPosition}`, forest)).body.items).toHaveLength(1);
    expect((await app.get(`/api/imports${minPosition}`, uccle)).body.items).toEqual([]);
  });

  it('refuses unknown and missing columns by name before reading any row', async () => {
    const answer = await expectRefusal(
      app,
      () => upload('participants', 'Deelnemer-id;Couleur;Role\np-1;rouge;citizen\n'),
      400,
      /Couleur: unknown column/,
    );

    expect(answer.body.errors).toEqual([
      { field: 'Couleur', message: 'unknown column' },
      { field: 'registeredJobSeeker', message: expect.stringMatching(/^missing column/) },
    ]);
  });

  it('answers with progress lines on Accept: application/x-ndjson, ending with the answer the JSON would give', async () => {
    const rows = 1500;
    const file = [
      'id;role;registeredJobSeeker',
      ...Array.from({ length: rows }, (_, i) => `p-line-${i};citizen;non`),
      'p-bad;astronaut;non',
    ].join('\n');
    const ndjson = { accept: 'application/x-ndjson' };
    const linesOf = (answer: TestResponse) =>
      String(answer.body.text)
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, { done?: number; total?: number } & Record<string, unknown>>);

    const asJson = await upload('participants', file, '&dryRun=true');
    const streamed = await upload('participants', file, '&dryRun=true', ndjson);

    expect(streamed.status).toBe(200);
    expect(streamed.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = linesOf(streamed);
    const progress = lines.slice(0, -1).map((line) => line.progress!);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(({ total }) => total === rows + 1)).toBe(true);
    expect(progress.map(({ done }) => done)).toEqual([...progress.map(({ done }) => done!)].sort((a, b) => a - b));
    expect(progress.at(-1)!.done).toBe(rows + 1);
    const { importId: _streamedId, ...answer } = lines.at(-1)!.answer!;
    const { importId: _jsonId, ...json } = asJson.body;
    expect(answer).toEqual(json);
    expect(answer).toMatchObject({ summary: { new: rows, repeat: 0, refused: 1 } });

    const imported = linesOf(await upload('participants', file, '', ndjson)).at(-1)!.answer!;
    expect(imported).toMatchObject({ dryRun: false, summary: { new: rows, refused: 1 }, position: expect.any(String) });
    expect((await app.get('/api/streams/participant-p-line-0')).body.events).toHaveLength(1);

    const refusedFile = await upload('participants', 'Couleur;role\nrouge;citizen\n', '', ndjson);
    expect(refusedFile.status).toBe(400);
    expect(refusedFile.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers other requests while a dry run goes through a large file (its store answers at once)', async () => {
    const file = [
      'id;role;registeredJobSeeker',
      ...Array.from({ length: 10_000 }, (_, i) => `p-wait-${i};citizen;non`),
    ].join('\n');
    let dryRunDone = false;
    const dryRun = upload('participants', file, '&dryRun=true').then((answer) => {
      dryRunDone = true;
      return answer;
    });

    await new Promise((resolve) => setTimeout(resolve, 200));
    const health = await app.get('/health');

    expect(health.status).toBe(200);
    expect(dryRunDone).toBe(false);
    expect((await dryRun).body.summary).toEqual({ new: 10_000, repeat: 0, refused: 0 });
  });

  it('serves the empty templates in French and Dutch, CSV and XLSX', async () => {
    const csv = await app.get('/api/imports/templates/attendances.csv?lang=fr');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(String(csv.body.text)).toBe('\ufeffSéance;Participant;Rôle;Inscrit comme chercheur d’emploi\r\n');

    const fastify = app.app.getHttpAdapter().getInstance();
    const xlsx = await fastify.inject({
      url: '/api/imports/templates/outcomes.xlsx?lang=nl',
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(await xlsxHeader(xlsx.rawPayload)).toEqual([
      'Deelnemer',
      'Resultaat-id',
      'Project',
      'Soort resultaat',
      'Datum',
    ]);

    // A template filled in is a file the import reads.
    await recordAll(app.post, [['/api/participants', participantBody('p-t')]]);
    const filled = `${String(csv.body.text)}dm-01;p-t;;\r\n`;
    expect((await upload('attendances', filled)).body.summary).toEqual({ new: 1, repeat: 0, refused: 0 });
    expect((await app.get('/api/imports/templates/nothing.csv')).status).toBe(400);
  });
});
