import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeWithChromium } from '../support/chromium.js';
import { DEMO_MDES } from '../support/mdes.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { axeViolations, launchBrowser, openContext, screenshot } from '../support/web-browser.js';

const ADMIN = 'admin-web-e2e-token';
const YEAR = new Date().getFullYear();
const PROJECT = `digibus-${YEAR}`;
const OTHER = `uccle-emploi-${YEAR}`;
/** 29 participants registered beforehand; the 30th is registered on the spot. */
const KNOWN = Array.from({ length: 29 }, (_, i) => `p-${String(i + 1).padStart(2, '0')}`);
const UNKNOWN = 'p-new-30';

describeWithChromium('the web app, as a partner uses it', () => {
  const dir = tempDir();
  let service: ServiceProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let partnerToken: string;

  const api = async (method: string, path: string, body?: unknown, token = ADMIN) => {
    const answer = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${text}`);
    return JSON.parse(text || '{}') as Record<string, unknown>;
  };
  const project = (id: string, mdes: string[], targets: object) => ({
    id,
    year: YEAR,
    title: id === PROJECT ? 'Le Digibus' : 'Uccle emploi',
    mdes,
    carrier: { name: 'Maison de l’Emploi de Forest', type: 'commune' },
    kind: 'local',
    audience: 'all-job-seekers',
    targetsPartners: false,
    targets,
  });
  const figures = async () =>
    (await api('GET', `/api/figures/${YEAR}/projects/${PROJECT}`)) as { participants: number; attendances: number };
  const expectAccessible = async (name: string, on: Page = page) => {
    await screenshot(on, name);
    expect(await axeViolations(on)).toEqual([]);
  };
  /** A context of its own, for the tests of signing in and out: the other tests keep theirs signed in. */
  const inOwnContext = async (use: (own: Page, ownContext: BrowserContext) => Promise<void>) => {
    const ownContext = await openContext(browser);
    try {
      const own = await ownContext.newPage();
      own.setDefaultTimeout(10_000);
      await use(own, ownContext);
    } finally {
      await ownContext.close();
    }
  };
  const signIn = async (on: Page) => {
    await on.goto(service.url);
    await on.getByLabel('Jeton d’accès').fill(partnerToken);
    await on.keyboard.press('Enter');
    await on.getByText('Connecté : MDE Forest').waitFor();
  };

  beforeAll(async () => {
    service = await startService({ DATA_DIR: dir.path, ADMIN_TOKEN: ADMIN });
    for (const mde of DEMO_MDES) await api('POST', '/api/mdes', mde);
    await api('POST', '/api/projects', project(PROJECT, ['forest', 'jette'], { participants: 40, sessions: 10 }));
    await api('POST', `/api/projects/${PROJECT}/decision`, { decision: 'approved', fundedAmount: 12000 });
    await api('POST', '/api/projects', project(OTHER, ['uccle'], {}));
    for (const id of KNOWN)
      await api('POST', '/api/participants', { id, role: 'job-seeker', registeredJobSeeker: true });
    partnerToken = String(
      (await api('POST', '/api/tokens', { role: 'partner', mdes: ['forest'], label: 'MDE Forest' })).token,
    );
    browser = await launchBrowser();
    context = await openContext(browser);
    page = await context.newPage();
    // A step that cannot happen fails in 10 s, naming the step, before the test's own timeout.
    page.setDefaultTimeout(10_000);
    await signIn(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    dir.remove();
  });

  it('signs in with the token pasted once, and shows who is signed in', async () => {
    await inOwnContext(async (own, ownContext) => {
      await own.goto(service.url);
      await expect(own.getByRole('heading', { name: 'Connexion' }).waitFor()).resolves.toBeUndefined();
      await expectAccessible('sign-in', own);

      await own.getByLabel('Jeton d’accès').fill(partnerToken);
      await own.keyboard.press('Enter');

      await own.getByText('Connecté : MDE Forest').waitFor();
      expect(await own.getByText('Partenaire', { exact: true }).isVisible()).toBe(true);
      expect(await own.getByText('MDE : forest').isVisible()).toBe(true);
      const cookies = await ownContext.cookies();
      expect(cookies.find((cookie) => cookie.name === 'indicators_session')?.httpOnly).toBe(true);
      expect(JSON.stringify(cookies)).not.toContain(partnerToken);
    });
  });

  it('lists the projects of its MDEs only', async () => {
    await page.goto(service.url);
    await page.getByRole('link', { name: 'Le Digibus' }).waitFor();
    expect(await page.getByRole('link', { name: 'Uccle emploi' }).count()).toBe(0);
    await expectAccessible('projects');
  });

  // One test: the figures and the provenance it reads are those of the attendances it records.
  it("records a session and 30 attendances by keyboard, and the project's figures and a number's provenance show them", async () => {
    await page.goto(service.url);
    await page.getByRole('link', { name: 'Le Digibus' }).click();
    await page.getByRole('heading', { name: 'Le Digibus' }).waitFor();
    await expectAccessible('project');
    await page.getByRole('link', { name: 'Enregistrer une séance' }).click();
    await page.getByLabel('Intitulé (facultatif)').waitFor();
    await expectAccessible('record-session');
    await page.getByLabel('Intitulé (facultatif)').fill('Le Digibus place Saint-Denis');
    await page.keyboard.press('Enter');

    const ids = page.getByLabel('Identifiants des participants');
    await ids.waitFor();
    // The page is made for entry: the field has the focus, typing starts at once.
    expect(await page.locator(':focus').getAttribute('id')).toBe(await ids.getAttribute('id'));
    for (const id of [...KNOWN.slice(0, 10), KNOWN[3]!, ...KNOWN.slice(10), UNKNOWN]) {
      await page.keyboard.type(id);
      await page.keyboard.press('Enter');
    }
    await page.getByText('participant inconnu : inscrivez-le ci-dessous').waitFor();
    const answered = (state: string) => page.getByRole('listitem').filter({ hasText: state });
    await waitFor(async () => (await answered('nouvelle présence').count()) === 29, { what: '29 new attendances' });
    const repeats = answered('déjà enregistrée');
    expect(await repeats.count()).toBe(1);
    expect(await repeats.textContent()).toBe(`${KNOWN[3]} : déjà enregistrée`);
    await expectAccessible('attendance-entry');

    // Keyboard alone: from the field, past "Envoyer", to the registration of the unknown participant.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('id')).toBe(
      await page.getByLabel(`Rôle de ${UNKNOWN}`).getAttribute('id'),
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await answered('nouvelle présence').count()) === 30, { what: '30 new attendances' });

    expect(await figures()).toMatchObject({ participants: 30, attendances: 30 });
    const registered = await api('GET', `/api/participants/${UNKNOWN}`);
    expect(registered).toMatchObject({ role: 'job-seeker', registeredJobSeeker: false });

    await page.getByRole('link', { name: `Retour au projet ${PROJECT}` }).click();
    const participants = page.getByRole('link', { name: /^30 : voir d’où vient ce chiffre \(Participants\)/ });
    await participants.waitFor();
    expect(await page.getByText('75 % de l’objectif de 40').isVisible()).toBe(true);
    await expectAccessible('project-after');

    await participants.click();
    await page.getByRole('heading', { name: `D’où vient ce chiffre : Participants, ${YEAR}` }).waitFor();
    await page.getByText(/^Valeur 30, faite de 30 événements/).waitFor();
    expect(await page.getByRole('cell', { name: UNKNOWN }).isVisible()).toBe(true);
    await expectAccessible('provenance');
    // 31 identifiers typed one key at a time, then two more screens: room for a busy machine.
  }, 60_000);

  it('retracts an attendance with a reason and a confirmation', async () => {
    const session = 'digibus-retraction';
    await api('POST', '/api/sessions', { id: session, projectId: PROJECT, date: `${YEAR}-03-02`, kind: 'workshop' });
    await api('POST', `/api/sessions/${session}/attendances`, { participantId: KNOWN[0] });
    const { attendances } = await figures();
    await page.goto(`${service.url}/sessions/${session}`);
    await page.getByRole('button', { name: `Retirer la présence de ${KNOWN[0]}` }).click();
    const confirm = page.getByRole('form', { name: `Retirer la présence de ${KNOWN[0]} ? Elle ne comptera plus.` });
    await confirm.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await confirm.getByText('Donnez une raison.').waitFor();
    await expectAccessible('retract-confirm');
    await page.keyboard.type('Inscrit par erreur');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: 'Retirée : Inscrit par erreur' }).waitFor();
    expect(await figures()).toMatchObject({ attendances: attendances - 1 });
  });

  it("records outreach, shows the service's field errors next to their fields", async () => {
    await page.goto(`${service.url}/projects/${PROJECT}/entries`);
    const outreach = page.getByRole('form', { name: 'Enregistrer une action de sensibilisation' });
    await outreach.getByRole('button', { name: 'Enregistrer' }).click();
    const count = outreach.getByLabel('Nombre de personnes ou d’entreprises');
    await waitFor(async () => (await count.getAttribute('aria-invalid')) === 'true', { what: 'the count refused' });
    const describedBy = (await count.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/count/);
    await expectAccessible('entries-refused');

    await count.fill('180');
    await outreach.getByRole('button', { name: 'Enregistrer' }).click();
    await outreach.getByText('Enregistré.').waitFor();
    await page.getByRole('heading', { name: 'Sensibilisation (1)' }).waitFor();
    expect(await api('GET', `/api/figures/${YEAR}/projects/${PROJECT}`)).toMatchObject({ outreach: { people: 180 } });
  });

  it("tells a partner clearly that another MDE's project is not theirs, and the API refuses it", async () => {
    await page.goto(`${service.url}/projects/${OTHER}`);
    await page.getByText('Vous n’avez pas accès à cette page').waitFor();
    expect(await page.getByRole('alert').textContent()).not.toContain('uccle');
    const status = await page.evaluate(async (id) => (await fetch(`/api/projects/${id}`)).status, OTHER);
    expect(status).toBe(403);
    await expectAccessible('forbidden');
  });

  it('speaks Dutch when chosen, and keeps it after a reload', async () => {
    await inOwnContext(async (own) => {
      await signIn(own);
      await own.goto(`${service.url}/projects/${PROJECT}`);
      await own.getByLabel('Langue').selectOption('nl');
      await own.getByRole('heading', { name: `De cijfers van ${YEAR}` }).waitFor();
      await own.reload();
      await own.getByRole('link', { name: 'Een sessie registreren' }).waitFor();
      expect(await own.locator('html').getAttribute('lang')).toBe('nl');
      await expectAccessible('project-nl', own);
    });
  });

  it('signs out', async () => {
    await inOwnContext(async (own, ownContext) => {
      await signIn(own);
      await own.getByRole('button', { name: 'Se déconnecter' }).click();
      await own.getByRole('heading', { name: 'Connexion' }).waitFor();
      expect((await ownContext.cookies()).find((cookie) => cookie.name === 'indicators_session')).toBeUndefined();
    });
  });
});
