import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { answerParent } from '../support/child-process.js';
import { scratchDir } from '../support/bench-paths.js';
import { median, round } from '../support/stats.js';
import { appendThroughPort, attendanceWorkload } from './append-workload.js';

export interface GrowthSide {
  readonly stored_events: number;
  readonly us_per_event: number;
}

/**
 * The append cost per event on a log that already holds a few events and on
 * one that holds many: the same appends through the port (as the append
 * section), on a copy of each cached log, rounds alternating.
 *
 * Usage (child process): growth.js <small events.db> <small count> <large events.db> <large count> <events> <batch> <rounds>
 */
answerParent(async ([smallPath, smallCount, largePath, largeCount, events, batch, rounds]) => {
  const open = (name: string, path: string): SqliteEventStore => {
    const copy = join(scratchDir(`growth-${name}`), 'events.db');
    copyFileSync(path, copy);
    return new SqliteEventStore({ path: copy });
  };
  const sides = [
    { store: open('small', smallPath!), stored: Number(smallCount), costs: [] as number[] },
    { store: open('large', largePath!), stored: Number(largeCount), costs: [] as number[] },
  ];
  for (let round = 0; round < Number(rounds); round++) {
    for (const side of sides) {
      const workload = attendanceWorkload(Number(events), 1000, `growth-${round}`);
      side.costs.push(((await appendThroughPort(side.store, workload, Number(batch))) * 1e6) / workload.length);
    }
  }
  for (const side of sides) await side.store.close();
  const [small, large] = sides.map((side): GrowthSide => ({
    stored_events: side.stored,
    us_per_event: round(median(side.costs), 2),
  }));
  return { small: small!, large: large! };
});
