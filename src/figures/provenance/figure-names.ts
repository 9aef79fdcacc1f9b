import { InvalidRequestError } from '../../shared/errors.js';

/**
 * The figures one can ask the provenance of, as the counters name them
 * (spec/domain.md, "Figures"); the "by…" figures with their suffix.
 */
const ACTIVITY = [
  /^(sessions|participants|attendances|notRegisteredJobSeekers|stages|stageSectors|stageCompanies)$/,
  /^(sessionsByKind|participantsByRole|outreach|outcomes)\.[a-z-]+$/,
];
const PROJECTS = [
  /^projects\.rejected$/,
  /^projects\.(submitted|approved)\.(count|targetsPartners)$/,
  /^projects\.(submitted|approved)\.(byCarrierType|byAudience|byKind|byTheme)\.[a-z0-9-]+$/,
];

export function requireFigureName(figure: string, scope: 'programme' | 'mde' | 'project'): void {
  const names = scope === 'project' ? ACTIVITY : [...ACTIVITY, ...PROJECTS];
  if (names.some((pattern) => pattern.test(figure))) return;
  const hint =
    figure === 'attendancesPerParticipant'
      ? 'it is the ratio of attendances to participants: ask for those'
      : `expected a figure such as participants, sessionsByKind.workshop, outreach.people${scope === 'project' ? '' : ', projects.approved.count'}`;
  throw new InvalidRequestError([{ field: 'figure', message: `not a figure of this scope: ${hint}` }]);
}
