import type { ProgrammeFiguresAnswer, ProjectFiguresAnswer } from '../figures/figures.messages.js';
import type { DemoDataset } from './demo-dataset.js';

/** Prints the programme's figures and a line of figures for each approved project. */
export async function printFigures(
  baseUrl: string,
  dataset: DemoDataset,
  position: bigint,
  headers: Record<string, string>,
): Promise<void> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}?minPosition=${position}`, { headers });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { year } = dataset;
  const programme = await get<ProgrammeFiguresAnswer>(`/api/figures/${year}`);
  const { submitted, approved, rejected } = programme.projects;
  const { activity } = programme;
  console.log(`\nProgramme ${year} (at position ${programme.position})`);
  console.log(`  projects: ${submitted.count} submitted, ${approved.count} approved, ${rejected} rejected`);
  console.log(`  submitted by carrier: ${JSON.stringify(submitted.byCarrierType)}`);
  console.log(
    `  submitted by audience: ${JSON.stringify(submitted.byAudience)}; with actions for partners: ${submitted.targetsPartners}`,
  );
  console.log(
    `  activity: ${activity.sessions} sessions, ${activity.participants} distinct participants, ` +
      `${activity.attendances} attendances, ${activity.stages} stages in ${activity.stageSectors} sectors, ` +
      `outreach ${JSON.stringify(activity.outreach)}, outcomes ${JSON.stringify(activity.outcomes)}`,
  );
  console.log('\n  project                                   sessions  particip.  attend.  stages/sectors  outreach');
  for (const project of dataset.projects.filter((p) => p.decision.decision === 'approved')) {
    const figures = await get<ProjectFiguresAnswer>(`/api/figures/${year}/projects/${project.id}`);
    const outreach = Object.entries(figures.outreach)
      .map(([audience, count]) => `${count} ${audience}`)
      .join(', ');
    console.log(
      `  ${project.title.padEnd(40).slice(0, 40)}  ${String(figures.sessions).padStart(8)}  ${String(figures.participants).padStart(9)}` +
        `  ${String(figures.attendances).padStart(7)}  ${`${figures.stages}/${figures.stageSectors}`.padStart(14)}  ${outreach}`,
    );
  }
}
