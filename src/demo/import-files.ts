import { stringify } from 'csv-stringify/sync';
import type { ImportKind } from '../imports/import.events.js';
import { IMPORT_KIND_DEFINITIONS } from '../imports/import-kinds.js';
import type { DemoCommand } from './demo-dataset.js';

/** The demo's commands as a partner would send them: one spreadsheet per kind, and the commands no import takes. */
export interface DemoImportFiles {
  /** Per kind, the rows by API column name, in the order the demo sends them. */
  readonly files: ReadonlyMap<ImportKind, readonly Readonly<Record<string, unknown>>[]>;
  /** MDEs, projects, decisions, narratives, cancellations and retractions: sent one by one. */
  readonly commands: readonly DemoCommand[];
}

const ROUTES: readonly { readonly kind: ImportKind; readonly path: RegExp; readonly inPath?: string }[] = [
  { kind: 'participants', path: /^\/api\/participants$/ },
  { kind: 'sessions', path: /^\/api\/sessions$/ },
  { kind: 'attendances', path: /^\/api\/sessions\/([^/]+)\/attendances$/, inPath: 'sessionId' },
  { kind: 'outreach', path: /^\/api\/projects\/([^/]+)\/outreach$/, inPath: 'projectId' },
  { kind: 'stages', path: /^\/api\/participants\/([^/]+)\/stages$/, inPath: 'participantId' },
  { kind: 'outcomes', path: /^\/api\/participants\/([^/]+)\/outcomes$/, inPath: 'participantId' },
];

/** Splits the demo's commands into import files (a row a command) and the rest. */
export function demoImportFiles(commands: readonly DemoCommand[]): DemoImportFiles {
  const files = new Map<ImportKind, Record<string, unknown>[]>();
  const rest: DemoCommand[] = [];
  for (const command of commands) {
    const route = ROUTES.map((r) => ({ ...r, match: r.path.exec(command.path) })).find((r) => r.match);
    if (!route?.match) {
      rest.push(command);
      continue;
    }
    const row = { ...(route.inPath ? { [route.inPath]: route.match[1] } : {}), ...command.body };
    files.set(route.kind, [...(files.get(route.kind) ?? []), row]);
  }
  return { files, commands: rest };
}

/**
 * A kind's rows as a French Excel user keeps them: the template's French
 * headers, `;`, dates as 18/07/2022, booleans oui/non, UTF-8 with a BOM.
 */
export function frenchCsv(kind: ImportKind, rows: readonly Readonly<Record<string, unknown>>[]): Buffer {
  const { columns } = IMPORT_KIND_DEFINITIONS[kind];
  const cell = (type: string, value: unknown): string => {
    if (value === undefined) return '';
    if (type === 'boolean') return value ? 'oui' : 'non';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return type === 'date' ? text.split('-').reverse().join('/') : text;
  };
  const records = [
    columns.map((column) => column.fr),
    ...rows.map((row) => columns.map((column) => cell(column.type, row[column.name]))),
  ];
  return Buffer.from(stringify(records, { bom: true, delimiter: ';', record_delimiter: 'windows' }), 'utf8');
}
