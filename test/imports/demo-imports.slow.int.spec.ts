import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandDataset, type DemoCommand, type DemoDataset } from '../../src/demo/demo-dataset.js';
import { demoImportFiles, frenchCsv } from '../../src/demo/import-files.js';
import type { ImportKind } from '../../src/imports/import.events.js';
import { ROOT } from '../support/service-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const dataset = JSON.parse(readFileSync(join(ROOT, 'demo/programme-2022.json'), 'utf8')) as DemoDataset;
const commands = expandDataset(dataset);
const { files, commands: oneByOne } = demoImportFiles(commands);

/** When each kind is imported: after the phase of the commands it refers to (demo-dataset.ts, PHASE). */
const IMPORTED_IN_PHASE: Readonly<Record<ImportKind, number>> = {
  participants: 3,
  sessions: 3,
  attendances: 4,
  outreach: 5,
  stages: 5,
  outcomes: 5,
};

async function send(app: TestApp, command: DemoCommand): Promise<void> {
  const answer = await app.post(command.path, command.body);
  if (answer.status !== 201)
    throw new Error(`${command.path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** Every figure of the year: the programme's, and each project's, without the position they were read at. */
async function figures(app: TestApp): Promise<unknown[]> {
  const minPosition = `?minPosition=${String(await app.head())}`;
  const read = async (url: string) => {
    const { position: _position, ...answer } = (await app.get(`${url}${minPosition}`)).body;
    return answer;
  };
  return [
    await read('/api/figures/2022'),
    ...(await Promise.all(dataset.projects.map((project) => read(`/api/figures/2022/projects/${project.id}`)))),
  ];
}

describe('the demo data set, loaded by imports alone (one French CSV per kind)', () => {
  let replayed: TestApp;
  let imported: TestApp;
  type Summary = { new: number; repeat: number; refused: number };
  const importAll = async (phase: number): Promise<Summary[]> => {
    const answers: Summary[] = [];
    for (const [kind, rows] of files) {
      if (IMPORTED_IN_PHASE[kind] !== phase) continue;
      const answer = await imported.send(
        'POST',
        `/api/imports?kind=${kind}&fileName=${kind}.csv`,
        frenchCsv(kind, rows),
        {
          'content-type': 'text/csv',
        },
      );
      expect({ kind, status: answer.status, refused: answer.body.summary }).toMatchObject({ kind, status: 200 });
      answers.push(answer.body.summary as Summary);
    }
    return answers;
  };

  beforeAll(async () => {
    replayed = await startTestApp({ registerMdes: false });
    imported = await startTestApp({ registerMdes: false });
    for (const command of commands) await send(replayed, command);
    const phases = [...new Set(commands.map((command) => command.phase))].sort((a, b) => a - b);
    for (const phase of phases) {
      for (const command of oneByOne.filter((c) => c.phase === phase)) await send(imported, command);
      for (const summary of await importAll(phase)) expect(summary.refused).toBe(0);
    }
  }, 600_000);

  afterAll(async () => {
    await replayed?.close();
    await imported?.close();
  });

  it('gives exactly the figures of the demo replayed one command at a time', async () => {
    expect(await figures(imported)).toEqual(await figures(replayed));
    expect((await figures(imported))[0]).toMatchObject({ activity: { sessions: expect.any(Number) } });
  });

  it('writes nothing when the same files are imported again', async () => {
    const head = await imported.head();
    const summaries: Summary[] = [];
    for (const phase of [3, 4, 5]) summaries.push(...(await importAll(phase)));
    expect(summaries.map((summary) => summary.new)).toEqual(summaries.map(() => 0));
    expect(await imported.head()).toBe(head);
  }, 300_000);
});
