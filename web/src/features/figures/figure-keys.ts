import type { ProgrammeFigures, ProjectFigures } from './api/get-figures';

/**
 * The figures of an answer by the names provenance takes (the service's figure catalogue):
 * `sessions`, `sessionsByKind.workshop`, `projects.approved.byCarrierType.cpas`, `projects.rejected`.
 * The ratio `attendancesPerParticipant` has no provenance of its own and is left out.
 */
export type FigureValues = ReadonlyMap<string, number>;

const RATIO = 'attendancesPerParticipant';
const NOT_FIGURES = new Set(['year', 'position', 'projectId', 'mde', 'targets', 'projects', 'activity', RATIO]);

function addFigures(into: Map<string, number>, prefix: string, figures: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(figures)) {
    if (NOT_FIGURES.has(name)) continue;
    if (typeof value === 'number') into.set(`${prefix}${name}`, value);
    else if (typeof value === 'object' && value !== null)
      for (const [part, count] of Object.entries(value as Record<string, number>))
        into.set(`${prefix}${name}.${part}`, count);
  }
}

export function figureValues(figures: ProgrammeFigures | ProjectFigures): FigureValues {
  const values = new Map<string, number>();
  if ('projects' in figures) {
    addFigures(values, 'projects.submitted.', figures.projects.submitted);
    addFigures(values, 'projects.approved.', figures.projects.approved);
    values.set('projects.rejected', figures.projects.rejected);
    addFigures(values, '', figures.activity);
  } else addFigures(values, '', figures);
  return values;
}

/** The keys of two answers together, in the first one's order, then those only the second has. */
export function unionOfKeys(first: FigureValues, second: FigureValues): string[] {
  return [...new Set([...first.keys(), ...second.keys()])];
}

/** `round(100 × part / whole)` with halves up, as the report prints its shares (docs/domain.md). */
export function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.floor((100 * part) / whole + 0.5);
}
