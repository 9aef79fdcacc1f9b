import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoDataset } from '../../src/demo/demo-dataset.js';
import { ROOT } from './service-process.js';

/**
 * The MDEs of the demo data set (the Brussels communes), which the tests name:
 * projects and tokens name only registered MDEs.
 */
export const DEMO_MDES = (JSON.parse(readFileSync(join(ROOT, 'demo/programme-2022.json'), 'utf8')) as DemoDataset).mdes;

/** Registers MDEs through the API, as a coordinator would; fails unless each is written or already there. */
export async function registerMdes(
  post: (url: string, body: unknown) => Promise<{ status: number; body: unknown }>,
  mdes: DemoDataset['mdes'] = DEMO_MDES,
): Promise<void> {
  for (const mde of mdes) {
    const { status, body } = await post('/api/mdes', mde);
    if (status !== 201 && status !== 200) throw new Error(`/api/mdes answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** The registrations of the demo's MDEs, for a service started afresh: to go first in a `recordAll`. */
export const mdeRegistrations = (): Array<readonly [string, unknown]> =>
  DEMO_MDES.map((mde) => ['/api/mdes', mde] as const);
