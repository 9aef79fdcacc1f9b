/**
 * Every figure of docs/domain.md ("Figures"), defined once: its name, where it
 * sits in the answers, how it is counted in a scope, and what its provenance
 * lists. The answer shapes, the counter keys, the names provenance accepts and
 * the distinct counts all read this file.
 *
 * A counter is named by its key: the figure's name, with a dotted suffix for a
 * breakdown (`sessionsByKind.workshop`); project counts sit under their stage
 * (`projects.approved.byCarrierType.cpas`).
 */

/** What a distinct count counts once within its scope, and the contributions it is made of. */
export interface DistinctCounting {
  readonly kind: 'distinct';
  readonly of: 'participant' | 'sector' | 'company';
  /** The figure whose contributions bring the items in: attendances bring participants. */
  readonly from: 'attendances' | 'stages';
  /** Only the participants of the breakdown's role, or those not registered as job seekers. */
  readonly only?: 'role' | 'not-registered';
}

/** Summed over the projects of a scope: each counted event adds 1, or its own count (an outreach). */
export interface SumCounting {
  readonly kind: 'sum';
}

/** Computed from two other figures of the answer, not counted: no provenance of its own. */
export interface RatioCounting {
  readonly kind: 'ratio';
  readonly numerator: 'attendances';
  readonly denominator: 'participants';
}

export interface FigureDefinition {
  /** For a breakdown: what the key's suffix names. */
  readonly by?: string;
  readonly counting: SumCounting | DistinctCounting | RatioCounting;
  /** What the figure's provenance lists; their `counts` add up to the figure. */
  readonly provenance: string;
}

const SUM: SumCounting = { kind: 'sum' };
const distinctParticipants = (only?: DistinctCounting['only']): DistinctCounting => ({
  kind: 'distinct',
  of: 'participant',
  from: 'attendances',
  ...(only === undefined ? {} : { only }),
});
const FIRST_ATTENDANCE = 'for each participant, the earliest attendance still counting them';

/** Activity: counted in a project, its MDEs and the programme, in the year of its business date. */
export const ACTIVITY_FIGURES = {
  sessions: { counting: SUM, provenance: 'each session held and not cancelled' },
  sessionsByKind: { by: 'kind', counting: SUM, provenance: 'each session of the kind held and not cancelled' },
  participants: { counting: distinctParticipants(), provenance: FIRST_ATTENDANCE },
  attendances: {
    counting: SUM,
    provenance: 'each attendance recorded and not retracted, at a session not cancelled',
  },
  attendancesPerParticipant: {
    counting: { kind: 'ratio', numerator: 'attendances', denominator: 'participants' },
    provenance: 'none: it is the ratio of attendances to participants, whose provenance lists their events',
  },
  participantsByRole: { by: 'role', counting: distinctParticipants('role'), provenance: FIRST_ATTENDANCE },
  notRegisteredJobSeekers: { counting: distinctParticipants('not-registered'), provenance: FIRST_ATTENDANCE },
  stages: { counting: SUM, provenance: 'each stage, in the year it started' },
  stageSectors: {
    counting: { kind: 'distinct', of: 'sector', from: 'stages' },
    provenance: 'for each sector, the earliest stage in it',
  },
  stageCompanies: {
    counting: { kind: 'distinct', of: 'company', from: 'stages' },
    provenance: 'for each company, the earliest stage with it',
  },
  outreach: { by: 'audience', counting: SUM, provenance: 'each outreach to the audience, with its count' },
  outcomes: { by: 'type', counting: SUM, provenance: 'each outcome of the type' },
} as const satisfies Record<string, FigureDefinition>;

/** Projects: counted in the programme and their MDEs, in the project's year, by stage. */
export const PROJECT_FIGURES = {
  count: { counting: SUM, provenance: 'the event that put each project at this stage' },
  byCarrierType: { by: 'carrier type', counting: SUM, provenance: 'the same, for the carriers of the type' },
  byAudience: { by: 'audience', counting: SUM, provenance: 'the same, for the projects with this audience' },
  targetsPartners: { counting: SUM, provenance: 'the same, for the projects that target MDE partners' },
  byKind: { by: 'kind', counting: SUM, provenance: 'the same, for the projects of the kind' },
  byTheme: { by: 'theme', counting: SUM, provenance: 'the same, for the projects of the theme' },
} as const satisfies Record<string, FigureDefinition>;

export const PROJECT_STAGES = ['submitted', 'approved'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const REJECTED_PROJECTS = {
  key: 'projects.rejected',
  definition: { counting: SUM, provenance: 'each project rejected' },
} as const satisfies { key: string; definition: FigureDefinition };

export type ActivityFigureName = keyof typeof ACTIVITY_FIGURES;
export type ProjectFigureName = keyof typeof PROJECT_FIGURES;

type Shape<Definitions> = {
  readonly [Name in keyof Definitions]: Definitions[Name] extends { readonly by: string }
    ? Record<string, number>
    : number;
};

export type ActivityFigures = Shape<typeof ACTIVITY_FIGURES>;
export type ProjectCounts = Shape<typeof PROJECT_FIGURES>;
export interface ProgrammeFigures {
  readonly projects: { readonly submitted: ProjectCounts; readonly approved: ProjectCounts; readonly rejected: number };
  readonly activity: ActivityFigures;
}

/** The counter key of an activity figure, with its breakdown's value. */
export function activityKey(name: ActivityFigureName, value?: string): string {
  return value === undefined ? name : `${name}.${value}`;
}

/** The counter key of a project count at a stage, with its breakdown's value. */
export function projectKey(stage: ProjectStage, name: ProjectFigureName, value?: string): string {
  return value === undefined ? `projects.${stage}.${name}` : `projects.${stage}.${name}.${value}`;
}

/** A figure named by its key, as provenance is asked for one. */
export interface NamedFigure {
  readonly key: string;
  readonly definition: FigureDefinition;
  /** The breakdown's value (the role of `participantsByRole.citizen`). */
  readonly value?: string;
}

const BREAKDOWN_VALUE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The figure a key names in a scope, or undefined: a project's answer has no
 * project counts, and a breakdown needs its value.
 */
export function figureNamed(key: string, scope: 'programme' | 'mde' | 'project'): NamedFigure | undefined {
  if (key === REJECTED_PROJECTS.key) return scope === 'project' ? undefined : REJECTED_PROJECTS;
  const parts = key.split('.');
  if (parts[0] === 'projects') {
    const [, stage, name, ...rest] = parts;
    if (scope === 'project' || !PROJECT_STAGES.some((known) => known === stage)) return undefined;
    return named(key, PROJECT_FIGURES, name, rest);
  }
  const [name, ...rest] = parts;
  return named(key, ACTIVITY_FIGURES, name, rest);
}

function named(
  key: string,
  definitions: Readonly<Record<string, FigureDefinition>>,
  name: string | undefined,
  rest: readonly string[],
): NamedFigure | undefined {
  if (name === undefined || !Object.hasOwn(definitions, name)) return undefined;
  const definition = definitions[name]!;
  if (definition.by === undefined) return rest.length === 0 ? { key, definition } : undefined;
  const [value] = rest;
  if (rest.length !== 1 || !BREAKDOWN_VALUE.test(value!)) return undefined;
  return { key, definition, value: value! };
}
