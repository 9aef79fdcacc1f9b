import type { FigureValues } from './figure-keys.js';

/** The answers of the figures queries (spec/api.md, "Queries"), built from counters. */
export interface ActivityFigures {
  readonly sessions: number;
  readonly sessionsByKind: Record<string, number>;
  readonly participants: number;
  readonly attendances: number;
  readonly attendancesPerParticipant: number;
  readonly participantsByRole: Record<string, number>;
  readonly notRegisteredJobSeekers: number;
  readonly stages: number;
  readonly stageSectors: number;
  readonly stageCompanies: number;
  readonly outreach: Record<string, number>;
  readonly outcomes: Record<string, number>;
}

export interface ProjectCounts {
  readonly count: number;
  readonly byCarrierType: Record<string, number>;
  readonly byAudience: Record<string, number>;
  readonly targetsPartners: number;
  readonly byKind: Record<string, number>;
  readonly byTheme: Record<string, number>;
}

export interface ProgrammeFigures {
  readonly projects: { readonly submitted: ProjectCounts; readonly approved: ProjectCounts; readonly rejected: number };
  readonly activity: ActivityFigures;
}

export function activityFigures(values: FigureValues): ActivityFigures {
  const participants = count(values, 'participants');
  const attendances = count(values, 'attendances');
  return {
    sessions: count(values, 'sessions'),
    sessionsByKind: breakdown(values, 'sessionsByKind.'),
    participants,
    attendances,
    attendancesPerParticipant: participants === 0 ? 0 : Math.round((attendances * 100) / participants) / 100,
    participantsByRole: breakdown(values, 'participantsByRole.'),
    notRegisteredJobSeekers: count(values, 'notRegisteredJobSeekers'),
    stages: count(values, 'stages'),
    stageSectors: count(values, 'stageSectors'),
    stageCompanies: count(values, 'stageCompanies'),
    outreach: breakdown(values, 'outreach.'),
    outcomes: breakdown(values, 'outcomes.'),
  };
}

export function programmeFigures(values: FigureValues): ProgrammeFigures {
  return {
    projects: {
      submitted: projectCounts(values, 'submitted'),
      approved: projectCounts(values, 'approved'),
      rejected: count(values, 'projects.rejected'),
    },
    activity: activityFigures(values),
  };
}

function projectCounts(values: FigureValues, stage: 'submitted' | 'approved'): ProjectCounts {
  const prefix = `projects.${stage}.`;
  return {
    count: count(values, `${prefix}count`),
    byCarrierType: breakdown(values, `${prefix}byCarrierType.`),
    byAudience: breakdown(values, `${prefix}byAudience.`),
    targetsPartners: count(values, `${prefix}targetsPartners`),
    byKind: breakdown(values, `${prefix}byKind.`),
    byTheme: breakdown(values, `${prefix}byTheme.`),
  };
}

const count = (values: FigureValues, key: string): number => values.get(key) ?? 0;

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
