import type { FigureValues } from './figure-keys.js';
import {
  ACTIVITY_FIGURES,
  PROJECT_FIGURES,
  REJECTED_PROJECTS,
  projectKey,
  type ActivityFigures,
  type FigureDefinition,
  type ProgrammeFigures,
  type ProjectCounts,
  type ProjectStage,
} from './figure-definitions.js';

export type { ActivityFigures, ProgrammeFigures, ProjectCounts } from './figure-definitions.js';

/** The catalogue's entries, read once: every figures answer walks them. */
const ACTIVITY_ENTRIES = Object.entries(ACTIVITY_FIGURES) as ReadonlyArray<[string, FigureDefinition]>;
const PROJECT_ENTRIES = Object.entries(PROJECT_FIGURES) as ReadonlyArray<
  [keyof typeof PROJECT_FIGURES, FigureDefinition]
>;

/** The answers of the figures queries (docs/api.md, "Queries"), built from counters in the catalogue's order. */
export function activityFigures(values: FigureValues): ActivityFigures {
  const figures: Record<string, number | Record<string, number>> = {};
  for (const [name, definition] of ACTIVITY_ENTRIES) {
    const { counting } = definition;
    figures[name] =
      counting.kind === 'ratio'
        ? ratio(count(values, counting.numerator), count(values, counting.denominator))
        : read(values, name, definition);
  }
  return figures as unknown as ActivityFigures;
}

export function programmeFigures(values: FigureValues): ProgrammeFigures {
  return {
    projects: {
      submitted: projectCounts(values, 'submitted'),
      approved: projectCounts(values, 'approved'),
      rejected: count(values, REJECTED_PROJECTS.key),
    },
    activity: activityFigures(values),
  };
}

function projectCounts(values: FigureValues, stage: ProjectStage): ProjectCounts {
  const counts: Record<string, number | Record<string, number>> = {};
  for (const [name, definition] of PROJECT_ENTRIES) {
    counts[name] = read(values, projectKey(stage, name), definition);
  }
  return counts as unknown as ProjectCounts;
}

function read(values: FigureValues, key: string, definition: FigureDefinition): number | Record<string, number> {
  return definition.by === undefined ? count(values, key) : breakdown(values, `${key}.`);
}

const count = (values: FigureValues, key: string): number => values.get(key) ?? 0;

/** Rounded to two decimal places; 0 when there is nothing to divide by. */
const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : Math.round((numerator * 100) / denominator) / 100;

/** The non-zero counters under a prefix, by their suffix, in a stable order. */
function breakdown(values: FigureValues, prefix: string): Record<string, number> {
  // One pass, no copy of the map: a figures answer calls this up to 12 times.
  const entries: Array<[string, number]> = [];
  for (const [key, value] of values) {
    if (value !== 0 && key.startsWith(prefix)) entries.push([key.slice(prefix.length), value]);
  }
  if (entries.length > 1) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
