import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandExecutor } from '../../src/command-handling/command-executor.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { PipeRowValidation } from '../../src/http/row-validation.js';
import { Importer } from '../../src/imports/importer.js';
import { mdeDecider } from '../../src/mdes/mde.decider.js';
import { mdeStream } from '../../src/mdes/mde.events.js';
import { participantDecider } from '../../src/participants/participant.decider.js';
import { projectDecider } from '../../src/projects/project.decider.js';
import { sessionDecider } from '../../src/sessions/session.decider.js';
import { FULL_ACCESS } from '../../src/shared/access-scope.js';
import { SystemClock } from '../../src/shared/clock.js';
import { participantStream, projectStream, sessionStream } from '../../src/shared/domain/ids.js';
import { answerParent } from '../support/child-process.js';
import { peakRssMb, round } from '../support/stats.js';

export interface ImportSide {
  readonly rows: number;
  readonly events: number;
  readonly seconds: number;
  readonly rows_per_s: number;
  readonly events_per_s: number;
  readonly peak_rss_mb: number;
  readonly summary: { readonly new: number; readonly repeat: number; readonly refused: number };
}

/** Attendances per session: the sheet lists a session's attendances together, as sign-in sheets are. */
const PER_SESSION = 100;
/** Participants registered before the import; a tenth of the rows register a new one. */
const KNOWN_PARTICIPANTS = 9000;
const PROJECT = 'bench-import-2024';

const sender = { actor: 'bench', access: FULL_ACCESS };
const clock = new SystemClock('Europe/Brussels');

/**
 * The 100,000-row attendance import (issue 15): a CSV as a French Excel saves
 * it, a tenth of its rows registering a new participant, imported through the
 * service's Importer into the embedded store; and its dry run on the same log.
 * Its floor is import-floor.ts.
 *
 * Usage (child process): import.js seed <dir> <rows> | dry-run <dir> | import <dir>
 */
answerParent(async ([step, arg, rows]) => {
  switch (step) {
    case 'seed':
      return seed(arg!, Number(rows));
    case 'dry-run':
    case 'import':
      return run(arg!, step === 'dry-run');
    default:
      throw new Error(`unknown step ${step}`);
  }
});

async function seed(dir: string, rows: number): Promise<{ rows: number; sessions: number }> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  const executor = new CommandExecutor(store, clock, new EventSchemas());
  await executor.execute(
    mdeStream('forest'),
    mdeDecider,
    { type: 'RegisterMde', data: { mdeId: 'forest', name: { fr: 'Forest', nl: 'Vorst' } } },
    sender,
  );
  await executor.execute(
    projectStream(PROJECT),
    projectDecider,
    {
      type: 'SubmitProject',
      data: {
        projectId: PROJECT,
        year: 2024,
        title: 'Bench',
        mdes: ['forest'],
        carrier: { name: 'Bench', type: 'commune' },
        kind: 'local',
        audience: 'all-job-seekers',
        targetsPartners: false,
      },
      unregisteredMdes: [],
    },
    sender,
  );
  await executor.execute(
    projectStream(PROJECT),
    projectDecider,
    { type: 'DecideProject', data: { projectId: PROJECT, decision: 'approved' } },
    sender,
  );
  const sessions = Math.ceil(rows / PER_SESSION);
  await inBatches(sessions, (s) =>
    executor.execute(
      sessionStream(`s-${s}`),
      sessionDecider,
      {
        type: 'RecordSession',
        data: { sessionId: `s-${s}`, projectId: PROJECT, date: '2024-03-01', kind: 'workshop' },
        project: { projectId: PROJECT, status: 'approved', mdes: ['forest'] },
        today: '2024-12-31',
      },
      sender,
    ),
  );
  await inBatches(KNOWN_PARTICIPANTS, (p) =>
    executor.execute(
      participantStream(`p-${p}`),
      participantDecider,
      {
        type: 'RegisterParticipant',
        data: { participantId: `p-${p}`, role: 'job-seeker', registeredJobSeeker: p % 2 === 0 },
      },
      sender,
    ),
  );
  await store.close();
  const lines = ["Séance;Participant;Rôle;Inscrit comme chercheur d'emploi"];
  for (let row = 0; row < rows; row++) {
    const session = Math.floor(row / PER_SESSION);
    const slot = row % PER_SESSION;
    if (slot % 10 === 0) lines.push(`s-${session};n-${row};${row % 3 === 0 ? 'citizen' : 'job-seeker'};non`);
    else lines.push(`s-${session};p-${(session * PER_SESSION + slot) % KNOWN_PARTICIPANTS};;`);
  }
  writeFileSync(join(dir, 'attendances.csv'), Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
  return { rows, sessions };
}

async function run(dir: string, dryRun: boolean): Promise<ImportSide> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  const schemas = new EventSchemas();
  const importer = new Importer(
    new CommandExecutor(store, clock, schemas),
    clock,
    schemas,
    store,
    new PipeRowValidation(),
  );
  const bytes = readFileSync(join(dir, 'attendances.csv'));
  const headBefore = (await store.headPosition()) ?? 0n;
  const started = performance.now();
  const result = await importer.run({ kind: 'attendances', dryRun, format: 'csv', bytes, sender });
  const seconds = (performance.now() - started) / 1000;
  const events = Number(((await store.headPosition()) ?? 0n) - headBefore);
  await store.close();
  // What the import writes (or would write): an attendance a row, and a registration for a tenth of them.
  const written = dryRun ? result.summary.new + Math.ceil(result.rows / 10) : events;
  return {
    rows: result.rows,
    events: written,
    seconds: round(seconds, 2),
    rows_per_s: round(result.rows / seconds),
    events_per_s: round(written / seconds),
    peak_rss_mb: peakRssMb(),
    summary: result.summary,
  };
}

/** Seeding, a thousand commands in flight at a time (they share group commits). */
async function inBatches(count: number, work: (index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    await Promise.all(Array.from({ length: Math.min(1000, count - start) }, (_, i) => work(start + i)));
  }
}
