import { join } from 'node:path';
import type { EventStore } from '../event-store/event-store.port.js';
import type { EventSchemas } from '../event-store/event-schemas.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { dumpReadModel, type ReadModelDump } from './read-model-dump.js';
import { ReadStore } from './read-store.js';

export interface ReadModelDifference {
  readonly projection: string;
  readonly table: string;
  /** Rows the live read model has and a rebuild from the log does not. */
  readonly onlyLive: readonly unknown[][];
  /** Rows a rebuild from the log has and the live read model does not. */
  readonly onlyRebuilt: readonly unknown[][];
}

export interface VerificationReport {
  /** The position both read models reflect. */
  readonly position: bigint | null;
  readonly differences: readonly ReadModelDifference[];
}

/**
 * Rebuilds every projection from position 0 into a scratch read store, up to
 * the position the live read models reached, and compares them row by row.
 * The live read models are read inside one read transaction, so a service
 * writing to them meanwhile does not skew the comparison.
 */
export async function verifyReadModels(options: {
  readonly live: ReadStore;
  readonly store: EventStore;
  readonly schemas: EventSchemas;
  readonly projections: () => Projection[];
  readonly scratchDir: string;
}): Promise<VerificationReport> {
  const projections = options.projections();
  const { position, dumps: liveDumps } = snapshot(options.live, projections);
  const aside = new ReadStore(join(options.scratchDir, 'read-models.verify.db'));
  try {
    const rebuilt = options.projections();
    const runner = new ProjectionRunner(options.store, aside, rebuilt, options.schemas);
    runner.start({ follow: false });
    if (position !== null) await runner.catchUp(position);
    const differences = rebuilt.flatMap((projection) =>
      compare(projection.name, liveDumps.get(projection.name) ?? {}, dumpReadModel(aside.db, projection)),
    );
    return { position, differences };
  } finally {
    aside.close();
  }
}

function snapshot(live: ReadStore, projections: readonly Projection[]) {
  return live.db.transaction(() => {
    const positions = projections.map((p) => live.checkpoint(p.name)?.position ?? null);
    if (new Set(positions.map(String)).size > 1) {
      throw new Error(
        `The live read models stand at different positions (${positions.join(', ')}); let them catch up first`,
      );
    }
    const dumps = new Map(projections.map((p) => [p.name, dumpReadModel(live.db, p)] as const));
    return { position: positions[0] ?? null, dumps };
  })();
}

function compare(projection: string, live: ReadModelDump, rebuilt: ReadModelDump): ReadModelDifference[] {
  const tables = new Set([...Object.keys(live), ...Object.keys(rebuilt)]);
  const differences: ReadModelDifference[] = [];
  for (const table of tables) {
    const liveRows = new Map((live[table] ?? []).map((row) => [JSON.stringify(row), row]));
    const rebuiltRows = new Map((rebuilt[table] ?? []).map((row) => [JSON.stringify(row), row]));
    const onlyLive = [...liveRows].filter(([key]) => !rebuiltRows.has(key)).map(([, row]) => row);
    const onlyRebuilt = [...rebuiltRows].filter(([key]) => !liveRows.has(key)).map(([, row]) => row);
    if (onlyLive.length > 0 || onlyRebuilt.length > 0) differences.push({ projection, table, onlyLive, onlyRebuilt });
  }
  return differences;
}
