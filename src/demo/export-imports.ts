import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandDataset, type DemoDataset } from './demo-dataset.js';
import { demoImportFiles, frenchCsv } from './import-files.js';

const DEFAULT_DATASET = new URL('../../demo/programme-2022.json', import.meta.url);

/**
 * npm run demo:export -- <folder> [dataset.json]: the demo data set as one
 * CSV per kind, as a partner would import them (`indicators import
 * participants.csv --kind participants`, …), and commands.json with what no
 * import takes (MDEs, projects, decisions, narratives, corrections).
 */
const [folder = 'demo-imports', datasetPath] = process.argv.slice(2);
const dataset = JSON.parse(readFileSync(datasetPath ?? DEFAULT_DATASET, 'utf8')) as DemoDataset;
const { files, commands } = demoImportFiles(expandDataset(dataset));
mkdirSync(folder, { recursive: true });
for (const [kind, rows] of files) {
  writeFileSync(join(folder, `${kind}.csv`), frenchCsv(kind, rows));
  console.log(`${join(folder, `${kind}.csv`)}: ${rows.length} rows`);
}
writeFileSync(join(folder, 'commands.json'), `${JSON.stringify(commands, null, 2)}\n`);
console.log(`${join(folder, 'commands.json')}: ${commands.length} commands no import takes, with their phase`);
