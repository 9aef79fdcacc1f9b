import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoDataset } from '../../src/demo/demo-dataset.js';
import { itWithChromium } from '../support/chromium.js';
import { runCli, runNode } from '../support/cli-process.js';
import { pdfText } from '../support/pdf-text.js';
import { ROOT, startService, type ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';

interface Figures {
  [key: string]: unknown;
  sessions: number;
  sessionsByKind: Record<string, number>;
  participants: number;
  attendancesPerParticipant: number;
  participantsByRole: Record<string, number>;
  notRegisteredJobSeekers: number;
  stages: number;
  stageSectors: number;
  outreach: Record<string, number>;
  outcomes: Record<string, number>;
}

/** Shares are round(100 × part / whole), halves up (docs/domain.md). */
const share = (part: number, whole: number): number => Math.floor((200 * part + whole) / (2 * whole));

/** The non-zero counters of a figures answer, named as the provenance expects them (`outreach.people`). */
function flatten(figures: Record<string, unknown>, prefix = ''): Array<[string, number]> {
  const skip = new Set(['year', 'position', 'projectId', 'mde', 'targets', 'attendancesPerParticipant', 'asOf']);
  return Object.entries(figures).flatMap(([key, value]): Array<[string, number]> => {
    if (skip.has(key)) return [];
    if (typeof value === 'number') return value === 0 ? [] : [[`${prefix}${key}`, value]];
    if (value !== null && typeof value === 'object')
      return flatten(value as Record<string, unknown>, `${prefix}${key}.`);
    return [];
  });
}

function approvedProjects() {
  const dataset = JSON.parse(readFileSync(join(ROOT, 'demo/programme-2022.json'), 'utf8')) as DemoDataset;
  return dataset.projects.filter((p) => p.decision.decision === 'approved');
}

const ADMIN_TOKEN = randomUUID();
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** The demo replays 5200 commands: about 20 s here, several times that on a loaded machine. */
const REPLAY_TIMEOUT_MS = 180_000;

function runDemo(url: string): Promise<{ code: number | null; output: string }> {
  return runNode(
    ['dist/demo/run-demo.js', '--url', url, '--token', ADMIN_TOKEN],
    { DATA_DIR: data.path, ADMIN_TOKEN },
    REPLAY_TIMEOUT_MS,
  );
}

/**
 * A copy of the service's data, taken through SQLite's backup (consistent
 * while the service runs), for a test that alters or stops what it works on
 * without changing what the other tests see.
 */
async function copyOfData(from: string): Promise<{ path: string; remove: () => void }> {
  const copy = tempDir('indicators-demo-copy-');
  for (const file of ['events.db', 'read-models.db']) {
    const db = new Database(join(from, file), { readonly: true });
    try {
      await db.backup(join(copy.path, file));
    } finally {
      db.close();
    }
  }
  return copy;
}

const data = tempDir();

describe('the service end to end, with the demo data set of the 2022 report', () => {
  let service: ServiceProcess;
  let demo: { code: number | null; output: string };
  let position: string;

  beforeAll(async () => {
    service = await startService({ DATA_DIR: data.path, ADMIN_TOKEN });
    demo = await runDemo(service.url);
    position = /log position (\d+)/.exec(demo.output)?.[1] ?? '0';
  }, REPLAY_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    try {
      await service.stop();
    } finally {
      data.remove();
    }
  });

  /**
   * The figures as the demo left them (atPosition: the log position the replay
   * ended at), whatever another test wrote since.
   */
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${service.url}${path}?minPosition=${position}&atPosition=${position}`, {
      headers: auth,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const project = (id: string) => get<Figures>(`/api/figures/2022/projects/${id}`);
  const live = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${service.url}${path}?minPosition=${position}`, { headers: auth })).json()) as T;

  it('replays the data set over HTTP and prints the figures', () => {
    expect(demo.code).toBe(0);
    expect(demo.output).toMatch(/Replayed 5200 commands .*: 5200 events written/);
    expect(demo.output).toMatch(/DigiMobile\s+19\s+252/);
  });

  it('reproduces the programme: 28 projects funded, and the shares of submitted projects', async () => {
    const programme = await get<{
      projects: {
        submitted: {
          count: number;
          byAudience: Record<string, number>;
          byCarrierType: Record<string, number>;
          targetsPartners: number;
        };
        approved: { count: number };
      };
      activity: Figures;
    }>('/api/figures/2022');
    const { submitted } = programme.projects;

    expect(programme.projects.approved.count).toBe(28);
    expect(share(submitted.byAudience['all-job-seekers']!, submitted.count)).toBe(50);
    expect(share(submitted.byCarrierType.commune!, submitted.count)).toBe(30);
    expect(share(submitted.byCarrierType['mission-locale']! + submitted.byCarrierType.ale!, submitted.count)).toBe(18);
    expect(share(submitted.byCarrierType.cpas!, submitted.count)).toBe(14);
    expect(share(submitted.targetsPartners, submitted.count)).toBe(46); // "près de la moitié"
  });

  it('reproduces DigiMobile: 19 dates, 252 participants, more than half not registered', async () => {
    const figures = await project('digimobile-2022');
    expect(figures.sessions).toBe(19);
    expect(figures.participants).toBe(252);
    expect(figures.notRegisteredJobSeekers).toBeGreaterThan(252 / 2);
  });

  it('reproduces Duo Dynamique: 180 people and 140 companies contacted, 12 information sessions, 31 stages in 16 sectors', async () => {
    const figures = await project('duo-dynamique-2022');
    expect(figures.outreach).toMatchObject({ people: 180, companies: 140 });
    expect(figures.sessionsByKind['information-session']).toBe(12);
    expect([figures.stages, figures.stageSectors]).toEqual([31, 16]);
  });

  it('reproduces the other projects the report counts', async () => {
    expect((await project('networking-360-uccle-2022')).participantsByRole).toMatchObject({
      'job-seeker': 22,
      independent: 20,
      'partner-staff': 11,
    });
    expect(await project('team-4-noh-2022')).toMatchObject({
      sessions: 4,
      participantsByRole: { 'job-seeker': 40, 'partner-staff': 6 },
    });
    expect(await project('ceo-events-1210-2022')).toMatchObject({
      sessionsByKind: { event: 3 },
      participantsByRole: { employer: 23, 'job-seeker': 85 },
      outreach: { 'job-seekers': 108 },
    });
    expect((await project('rebondir-schaerbeek-2022')).outcomes).toMatchObject({ 'professional-project-defined': 38 });
    const printemps = await project('printemps-emploi-2022');
    expect([printemps.sessions, printemps.participants, printemps.attendancesPerParticipant]).toEqual([57, 310, 2]);
    expect((await project('thema-lunch-evere-2022')).sessions).toBe(8);
    expect(await project('diginome-2022')).toMatchObject({ participants: 53, outcomes: { 'training-completed': 53 } });
    expect((await project('allo-digiparcours-2022')).participants).toBe(60);
  });

  it('counts participants distinct across the programme', async () => {
    const programme = await get<{ activity: Figures }>('/api/figures/2022');
    let sumOfProjects = 0;
    let jobSeekersOfProjects = 0;
    for (const { id } of approvedProjects()) {
      const figures = await project(id);
      sumOfProjects += figures.participants;
      jobSeekersOfProjects += figures.participantsByRole['job-seeker'] ?? 0;
    }
    // Ten DigiMobile visitors, job seekers, also came to Thema Lunch: the programme counts them once,
    // in its participants and in its participants by role, which add up to its participants.
    expect(sumOfProjects - programme.activity.participants).toBe(10);
    expect(jobSeekersOfProjects - (programme.activity.participantsByRole['job-seeker'] ?? 0)).toBe(10);
    const byRole = Object.values(programme.activity.participantsByRole).reduce((sum, count) => sum + count, 0);
    expect(byRole).toBe(programme.activity.participants);
  });

  it(
    'replays the same data set again without writing anything',
    async () => {
      const again = await runDemo(service.url);
      expect(again.code).toBe(0);
      expect(again.output).toMatch(/0 events written, 5200 repeats answered 200/);
    },
    REPLAY_TIMEOUT_MS + 10_000,
  );

  it('explains every figure: the provenance of each adds up to it, for every project and the programme', async () => {
    let explained = 0;
    const check = async (path: string, figure: string, value: number) => {
      const events: Array<{ counts: number }> = [];
      let page = '';
      do {
        const response = await fetch(`${service.url}${path}?figure=${encodeURIComponent(figure)}&limit=1000${page}`, {
          headers: auth,
        });
        const answer = (await response.json()) as {
          events: Array<{ counts: number }>;
          next?: string;
          position: string;
        };
        events.push(...answer.events);
        page = answer.next === undefined ? '' : `&after=${answer.next}&atPosition=${answer.position}`;
      } while (page !== '');
      expect([path, figure, events.reduce((sum, e) => sum + e.counts, 0)]).toEqual([path, figure, value]);
      explained++;
    };
    for (const { id } of approvedProjects()) {
      const figures = await live<Figures>(`/api/figures/2022/projects/${id}`);
      for (const [figure, value] of flatten(figures))
        await check(`/api/figures/2022/projects/${id}/provenance`, figure, value);
    }
    const programme = await live<Record<string, unknown>>('/api/figures/2022');
    for (const [figure, value] of flatten(programme.activity as Record<string, unknown>)) {
      await check('/api/figures/2022/provenance', figure, value);
    }
    for (const [figure, value] of flatten(programme.projects as Record<string, unknown>, 'projects.')) {
      await check('/api/figures/2022/provenance', figure, value);
    }
    expect(explained).toBeGreaterThan(200); // 236 figures of the demo: 28 projects and the programme
  }, 120_000);

  const phrases = [
    'Au total, **28 projets** ont été financés en 2022.',
    "50% des projets introduits cette année s'adressent à tous les CE.",
    '30% des projets ont été portés par les Administrations Communales, 18% par les Missions locales ou les ALE, et 14% par les CPAS',
    '19 dates, 252 participants',
    '31 stages en entreprises dans 16 secteurs différents',
    '180 personnes contactées',
    '140 entreprises contactées',
    "12 séances d'information",
    '3 événements',
    "plus de la moitié du public n'était pas inscrit comme chercheur d'emploi",
  ];
  /** The report as the demo left it, in a format. */
  const report = (accept: string) =>
    fetch(`${service.url}/api/reports/2022?minPosition=${position}`, { headers: { ...auth, accept } });

  it('writes the 2022 report in Markdown with the reference report’s phrases and the demo’s numbers', async () => {
    const markdown = await (await report('text/markdown')).text();
    for (const phrase of phrases) expect([phrase, markdown.includes(phrase)]).toEqual([phrase, true]);
  });

  itWithChromium(
    'prints the same phrases and numbers in the PDF report',
    async () => {
      const text = pdfText(Buffer.from(await (await report('application/pdf')).arrayBuffer()));
      for (const phrase of phrases.map((p) => p.replace(/\*\*/g, '')))
        expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    },
    60_000,
  );

  it('answers the figures as they stood before a late entry', async () => {
    const before = new Date().toISOString();
    // The late entry must be recorded after `before`, on this machine's clock.
    await waitFor(() => new Date().toISOString() > before, { interval: 1, what: 'the clock to pass a millisecond' });
    const post = (path: string, body: unknown) =>
      fetch(`${service.url}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/api/sessions', {
      id: 'tl-late',
      projectId: 'thema-lunch-evere-2022',
      date: '2022-12-15',
      kind: 'workshop',
    });
    const late = (await (await post('/api/sessions/tl-late/attendances', { participantId: 'tl-js-001' })).json()) as {
      position: string;
    };
    const now = (await (
      await fetch(`${service.url}/api/figures/2022/projects/thema-lunch-evere-2022?minPosition=${late.position}`, {
        headers: auth,
      })
    ).json()) as Figures;
    const response = await fetch(`${service.url}/api/figures/2022/projects/thema-lunch-evere-2022?asOf=${before}`, {
      headers: auth,
    });
    const asOf = (await response.json()) as Figures;
    expect([now.sessions, now.attendances]).toEqual([9, 63]);
    expect([asOf.sessions, asOf.attendances]).toEqual([8, 62]);
  });

  it('verifies the read models and the hash chain, and names the position of an event altered in the file', async () => {
    // On a copy: the altered log must not break the other tests.
    const copy = await copyOfData(data.path);
    try {
      const env = { DATA_DIR: copy.path, ADMIN_TOKEN };
      const clean = await runCli(['verify'], env);
      expect(clean.code).toBe(0);
      expect(clean.output).toMatch(/OK hash chain verified over \d+ events/);

      const raw = new Database(join(copy.path, 'events.db'));
      raw.prepare("UPDATE events SET data = json_set(data, '$.count', 100) WHERE position = 4000").run();
      raw.close();
      const tampered = await runCli(['verify'], env);
      expect(tampered.code).toBe(1);
      expect(tampered.output).toMatch(/BROKEN hash chain at position 4000/);
    } finally {
      copy.remove();
    }
  }, 120_000);

  it('stops on SIGTERM with exit code 0', async () => {
    // Its own service on a copy of the data, so that the other tests keep theirs whatever the order.
    const copy = await copyOfData(data.path);
    try {
      const own = await startService({ DATA_DIR: copy.path, ADMIN_TOKEN });
      expect(await own.stop()).toBe(0);
    } finally {
      copy.remove();
    }
  }, 60_000);
});
