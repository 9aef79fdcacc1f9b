import type { TestApp } from './test-app.js';

/** Valid request bodies of docs/api.md, to be varied by each test. */
export const projectBody = (id = 'digimobile-2022', overrides: Record<string, unknown> = {}) => ({
  id,
  year: 2022,
  title: 'DigiMobile',
  mdes: ['bruxelles-ville', 'forest', 'ixelles', 'jette', 'schaerbeek'],
  carrier: { name: "Maison de l'Emploi de Bruxelles-Ville", type: 'commune' },
  kind: 'thematic',
  theme: 'fracture-numerique',
  audience: 'all-job-seekers',
  targetsPartners: false,
  targets: { participants: 200, sessions: 20 },
  ...overrides,
});

export const sessionBody = (id = 'dm-01', overrides: Record<string, unknown> = {}) => ({
  id,
  projectId: 'digimobile-2022',
  date: '2022-07-18',
  kind: 'outreach-stand',
  title: 'Le Digibus à Forest',
  location: 'Place Saint-Denis',
  ...overrides,
});

export const participantBody = (id = 'p-7f3a', overrides: Record<string, unknown> = {}) => ({
  id,
  role: 'job-seeker',
  registeredJobSeeker: true,
  ...overrides,
});

/** Sends each command in turn and fails unless each is written (201): the state a test starts from. */
export async function recordAll(
  post: (url: string, body: unknown) => Promise<{ status: number; body: unknown }>,
  commands: ReadonlyArray<readonly [string, unknown]>,
): Promise<void> {
  for (const [url, body] of commands) {
    const response = await post(url, body);
    if (response.status !== 201)
      throw new Error(`${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** Submits and approves a project, registers a participant and records a session. */
export async function seedApprovedProject(app: TestApp): Promise<void> {
  await recordAll(app.post, [
    ['/api/projects', projectBody()],
    ['/api/projects/digimobile-2022/decision', { decision: 'approved', fundedAmount: 12000 }],
    ['/api/participants', participantBody()],
    ['/api/sessions', sessionBody()],
  ]);
}
