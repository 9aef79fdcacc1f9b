import Database from 'better-sqlite3';
import { join } from 'node:path';
import { parseTypedAnchor } from '../../src/audit/ledger-anchor.js';
import { CommandExecutor } from '../../src/command-handling/command-executor.js';
import { publicationDecider } from '../../src/reports/publication.decider.js';
import { reportStream } from '../../src/reports/publication.events.js';
import { ReportBuilder } from '../../src/reports/report-builder.js';
import { DIGESTED_FORMATS } from '../../src/reports/report-format.js';
import { ReportRenderer, digestOf } from '../../src/reports/report-renderer.js';
import { FIGURE_DEFINITIONS_VERSION } from '../../src/reports/report.model.js';
import { FULL_ACCESS } from '../../src/shared/access-scope.js';
import { participantBody, seedApprovedProject } from '../support/api-fixtures.js';
import { itWithChromium } from '../support/chromium.js';
import { runCli } from '../support/cli-process.js';
import { csvRows } from '../support/csv-rows.js';
import { pdfText } from '../support/pdf-text.js';
import { expectRefusal } from '../support/refusal.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fetchBytes } from '../reports/report-programme.js';

interface Anchor {
  position: string;
  hash: string;
  check: string;
  typed: string;
}

/** The anchor line as every format prints it, in French. */
const PRINTED = /Registre : position (\d+), empreinte ((?:[0-9a-f]{4} ){15}[0-9a-f]{4}), contrôle (\d{2})/;

/** Rewrites one stored event in the SQLite file, behind the service's back. */
function alterEvent(dataDir: string, position: bigint): void {
  const raw = new Database(join(dataDir, 'events.db'));
  try {
    const changed = raw
      .prepare("UPDATE events SET data = json_set(data, '$.rewritten', 1) WHERE position = ?")
      .run(position).changes;
    expect(changed).toBe(1);
  } finally {
    raw.close();
  }
}

/** Issue 21: a published report anchors the log; the anchor read off it proves the history unchanged. */
describe('the anchor printed in a published report', () => {
  let data: { path: string; remove: () => void };
  let app: TestApp | undefined;
  let anchor: Anchor;
  let after: bigint;

  beforeEach(async () => {
    data = tempDir();
    app = await startTestApp({ today: '2023-01-05', dataDir: data.path });
    await seedApprovedProject(app);
    await app.post('/api/participants', participantBody('p-2', { registeredJobSeeker: false }));
    await app.post('/api/sessions/dm-01/attendances', { participantId: 'p-2' });
    const published = await app.post('/api/reports/2022/publications', { lang: 'fr' });
    expect(published.status).toBe(201);
    anchor = (published.body.publication as { anchor: Anchor }).anchor;
    // A participant recorded after the publication: an event the anchor does not cover.
    after = BigInt((await app.post('/api/participants', participantBody('p-late'))).body.position as string);
    expect(after).toBeGreaterThan(BigInt(anchor.position));
  });
  afterEach(async () => {
    await app?.close();
    data.remove();
  });

  const verify = (position: string, hash: string, check?: string) =>
    app!.get(
      `/api/audit/ledger/anchors/${position}?hash=${encodeURIComponent(hash)}${check === undefined ? '' : `&check=${check}`}`,
    );

  it('is printed by every text format as the publication answers it, and the list gives it too', async () => {
    expect(anchor.typed).toBe(`${anchor.position}:${anchor.hash.replace(/(.{4})(?=.)/g, '$1 ')}:${anchor.check}`);
    const url = '/api/reports/2022/publications/1';
    for (const format of ['text/markdown', 'text/html']) {
      const printed = PRINTED.exec((await fetchBytes(app!, url, format)).body);
      expect([format, printed?.slice(1)]).toEqual([format, anchor.typed.split(':')]);
    }
    const rows = csvRows((await fetchBytes(app!, url, 'text/csv')).body, ';').filter((row) => row.join('') !== '');
    expect(rows[rows.length - 1]).toEqual([
      `# Registre : position ${anchor.position}`,
      `empreinte ${anchor.typed.split(':')[1]}`,
      `contrôle ${anchor.check}`,
    ]);
    const json = JSON.parse((await fetchBytes(app!, url, 'application/json')).body) as { anchor: Anchor };
    expect(json.anchor).toEqual(anchor);
    const list = await app!.get('/api/reports/2022/publications');
    expect((list.body.publications as Array<{ anchor: Anchor }>)[0]!.anchor).toEqual(anchor);
  });

  it('matches the log; still matches once an event after it is altered; names the position of one altered before', async () => {
    const grouped = anchor.typed.split(':')[1]!;
    const clean = await verify(anchor.position, grouped.toUpperCase(), anchor.check);
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({
      position: anchor.position,
      hash: anchor.hash,
      matches: true,
      firstDifference: null,
    });
    expect(clean.body.recomputed).toBe(anchor.hash);
    expect(clean.body.events).toBe(Number(anchor.position));

    alterEvent(data.path, after);
    expect((await verify(anchor.position, anchor.hash)).body).toMatchObject({ matches: true });

    const before = BigInt(anchor.position) - 3n;
    alterEvent(data.path, before);
    const broken = await verify(anchor.position, anchor.hash, anchor.check);
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({
      matches: false,
      firstDifference: { position: before.toString(), reason: 'the event differs from the one chained then' },
    });
    expect(broken.body.recomputed).not.toBe(anchor.hash);
  });

  it('refuses an anchor that cannot be one, or whose check code shows a typo, naming the field', async () => {
    const typo = anchor.hash.replace(/^./, (digit) => (digit === '0' ? '1' : '0'));
    await expectRefusal(app!, () => verify(anchor.position, typo, anchor.check), 400, /^check: .*mistyped/);
    await expectRefusal(app!, () => verify(anchor.position, anchor.hash.slice(2)), 400, /^hash: /);
    await expectRefusal(app!, () => verify(anchor.position, `${anchor.hash.slice(1)}g`), 400, /^hash: /);
    await expectRefusal(app!, () => verify(anchor.position, anchor.hash, '4'), 400, /^check: /);
    await expectRefusal(app!, () => verify('twelve', anchor.hash), 400, /^position: /);
    // Another log's anchor (a head this log never had) does not match, and no position is blamed.
    const foreign = await verify(anchor.position, typo);
    expect(foreign.body).toMatchObject({ matches: false, firstDifference: { position: null } });
  });

  it('is left out of a publication made before anchors were printed, whose stored bytes still regenerate', async () => {
    // Published as the program did before: rendered without the anchor, no anchorPrinted.
    const builder = app!.app.get(ReportBuilder);
    const position = builder.currentPosition();
    const report = await builder.build(2022, 'fr', position, { anchored: false });
    const renderer = app!.app.get(ReportRenderer);
    const bodies = await Promise.all(
      DIGESTED_FORMATS.map(async (format) => (await renderer.render(report, format)).body),
    );
    await app!.app.get(CommandExecutor).execute(
      reportStream(2022),
      publicationDecider,
      {
        type: 'PublishReport',
        data: { year: 2022, language: 'fr' },
        report: {
          reportPosition: position.toString(),
          figureDefinitions: FIGURE_DEFINITIONS_VERSION,
          digests: Object.fromEntries(DIGESTED_FORMATS.map((format, i) => [format, digestOf(bodies[i]!)])),
          ledgerHash: report.ledgerHash,
        },
        renditions: DIGESTED_FORMATS.map((format, i) => ({ format, parts: [bodies[i]!.toString('base64')] })),
      },
      { actor: 'admin', access: FULL_ACCESS },
    );
    for (const format of ['text/markdown', 'text/html', 'text/csv', 'application/json']) {
      const served = await fetchBytes(app!, '/api/reports/2022/publications/2', format);
      expect([format, served.headers['report-reproducible']]).toEqual([format, 'yes']);
      expect([format, served.body.includes('Registre')]).toEqual([format, false]);
    }
    // Its anchor is still answered: the head at its position, which it recorded.
    const list = (await app!.get('/api/reports/2022/publications')).body.publications as Array<{ anchor: Anchor }>;
    expect(list[1]!.anchor.position).toBe(position.toString());
  });

  itWithChromium(
    'is read off the printed PDF and verified by indicators verify --anchor, which exits 1 once the log before it is rewritten',
    async () => {
      const pdf = await app!.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: '/api/reports/2022/publications/1',
          headers: { accept: 'application/pdf', authorization: `Bearer ${app!.adminToken}` },
        });
      expect(pdf.headers['report-reproducible']).toBe('yes');
      const printed = PRINTED.exec(pdfText(pdf.rawPayload));
      expect(printed).not.toBeNull();
      const typed = printed!.slice(1).join(':');
      expect(parseTypedAnchor(typed, 'pdf')).toEqual({ position: BigInt(anchor.position), hash: anchor.hash });
      await app!.close();
      app = undefined;

      const env = { DATA_DIR: data.path, LOG_LEVEL: 'silent' };
      const clean = await runCli(['verify', '--anchor', typed], env, 30_000);
      expect(clean.output).toMatch(new RegExp(`^OK anchor ${typed} matches`));
      expect(clean.code).toBe(0);

      const before = BigInt(anchor.position) - 2n;
      alterEvent(data.path, before);
      const broken = await runCli(['verify', '--anchor', typed], env, 30_000);
      expect(broken.output).toMatch(new RegExp(`MISMATCH .*differs from the published one at position ${before}\\b`));
      expect(broken.code).toBe(1);
    },
    90_000,
  );
});
