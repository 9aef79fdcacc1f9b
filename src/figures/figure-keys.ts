/**
 * Figures are counters named by a scope, a year and a key:
 * the scope is the programme, a project or an MDE; the key is a figure of
 * spec/domain.md, with a dotted suffix for the "by…" breakdowns
 * (`sessionsByKind.workshop`, `projects.approved.byCarrierType.cpas`).
 */
export const PROGRAMME = 'programme';
export const projectScope = (projectId: string): string => `project:${projectId}`;
export const mdeScope = (mde: string): string => `mde:${mde}`;

export const FIGURE = {
  sessions: 'sessions',
  sessionsByKind: (kind: string) => `sessionsByKind.${kind}`,
  participants: 'participants',
  attendances: 'attendances',
  participantsByRole: (role: string) => `participantsByRole.${role}`,
  notRegisteredJobSeekers: 'notRegisteredJobSeekers',
  stages: 'stages',
  stageSectors: 'stageSectors',
  stageCompanies: 'stageCompanies',
  outreach: (audience: string) => `outreach.${audience}`,
  outcomes: (type: string) => `outcomes.${type}`,
  projects: (stage: 'submitted' | 'approved') => ({
    count: `projects.${stage}.count`,
    byCarrierType: (type: string) => `projects.${stage}.byCarrierType.${type}`,
    byAudience: (audience: string) => `projects.${stage}.byAudience.${audience}`,
    targetsPartners: `projects.${stage}.targetsPartners`,
    byKind: (kind: string) => `projects.${stage}.byKind.${kind}`,
    byTheme: (theme: string) => `projects.${stage}.byTheme.${theme}`,
  }),
  projectsRejected: 'projects.rejected',
} as const;

export type FigureValues = ReadonlyMap<string, number>;
