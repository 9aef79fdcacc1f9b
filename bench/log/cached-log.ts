import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { WORK_DIR } from '../support/bench-paths.js';
import { programmeLog, sampleProjectId } from './programme-log.js';

/** Bumped when the generator changes, so that a cached log of the old shape is not reused. */
const LOG_SHAPE_VERSION = 2;
const FIRST_YEAR = 2019;
/** Appends requested before waiting for their commits: large group commits. */
const IN_FLIGHT = 4000;

export interface LogInfo {
  readonly path: string;
  readonly events: number;
  readonly firstYear: number;
  readonly lastYear: number;
  /** A project of the first year, with sessions and attendances. */
  readonly sampleProject: string;
  /** The recordedAt of the event in the middle of the log. */
  readonly midRecordedAt: string;
  readonly buildSeconds: number;
}

/**
 * An events database holding the first `events` events of the programme log,
 * written through the store port, kept under bench/.work/ between runs.
 */
export async function cachedLog(events: number): Promise<LogInfo> {
  const dir = join(WORK_DIR, 'logs', `v${LOG_SHAPE_VERSION}-${events}`);
  const infoPath = join(dir, 'log.json');
  if (existsSync(infoPath)) return JSON.parse(readFileSync(infoPath, 'utf8')) as LogInfo;

  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const started = performance.now();
  const store = new SqliteEventStore({ path: join(building, 'events.db'), maxBatchSize: IN_FLIGHT });
  const revisions = new Map<string, bigint>();
  let inFlight: Promise<unknown>[] = [];
  let written = 0;
  let lastYear = FIRST_YEAR;
  let midRecordedAt = '';
  for (const { stream, event } of programmeLog(FIRST_YEAR)) {
    if (written === events) break;
    const head = revisions.get(stream);
    revisions.set(stream, head === undefined ? 0n : head + 1n);
    inFlight.push(store.appendToStream(stream, [event], { expectedRevision: head ?? 'no-stream' }));
    written++;
    lastYear = Number(event.metadata.recordedAt.slice(0, 4));
    if (written === Math.ceil(events / 2)) midRecordedAt = event.metadata.recordedAt;
    if (inFlight.length === IN_FLIGHT) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  await store.close();
  const info: LogInfo = {
    path: join(dir, 'events.db'),
    events: written,
    firstYear: FIRST_YEAR,
    lastYear,
    sampleProject: sampleProjectId(FIRST_YEAR),
    midRecordedAt,
    buildSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(building, 'log.json'), JSON.stringify(info, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return info;
}
