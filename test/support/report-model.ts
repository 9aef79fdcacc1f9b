import { activityFigures, programmeFigures } from '../../src/figures/figures-shapes.js';
import type { ReportModel, ReportProject } from '../../src/reports/report.model.js';

/** A report model with the projects given, for the renderers' tests. */
export function reportModel(
  projects: ReadonlyArray<Partial<ReportProject>>,
  language: 'fr' | 'nl' = 'fr',
): ReportModel {
  return {
    year: 2022,
    language,
    position: '42',
    ledgerHash: null,
    asOf: '2023-01-10T10:00:00.000Z',
    programme: { funded: projects.length, shares: null, figures: programmeFigures(new Map()) },
    thematic: projects.map((project, index) => ({
      id: `project-${index}`,
      title: 'Projet',
      year: 2022,
      kind: 'thematic',
      theme: null,
      mdes: ['forest'],
      carrier: { name: 'CPAS de Forest', type: 'cpas' },
      narrative: null,
      figures: activityFigures(new Map([['participants', 3]])),
      ...project,
    })),
    local: [],
  };
}
