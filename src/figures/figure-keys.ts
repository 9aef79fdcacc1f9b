/**
 * Figures are counters named by a scope, a year and a key: the scope is the
 * programme, a project or an MDE; the keys are the catalogue's
 * (figure-definitions.ts).
 */
export const PROGRAMME = 'programme';
export const projectScope = (projectId: string): string => `project:${projectId}`;
export const mdeScope = (mde: string): string => `mde:${mde}`;

export type FigureValues = ReadonlyMap<string, number>;
