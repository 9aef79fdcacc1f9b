import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { describeWithChromium } from '../support/chromium.js';
import { DEMO_MDES } from '../support/mdes.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { axeViolations, launchBrowser, openContext, screenshot } from '../support/web-browser.js';

const ADMIN = 'admin-web-offline-token';
const YEAR = new Date().getFullYear();
const PROJECT = `digibus-${YEAR}`;
const SESSION = 'bus-stop-1';

describeWithChromium('entering attendances without network (the bus with poor coverage)', () => {
  const dir = tempDir();
  let service: ServiceProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const attendancePosts: Array<{ participantId: string; key: string | undefined }> = [];

  const api = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${text}`);
    return JSON.parse(text || '{}') as Record<string, unknown>;
  };
  const attendances = async () => Number((await api('GET', `/api/sessions/${SESSION}`)).attendances);
  const figures = () => api('GET', `/api/figures/${YEAR}/projects/${PROJECT}`);
  const line = (participantId: string) => page.getByRole('listitem').filter({ hasText: `${participantId} :` });

  beforeAll(async () => {
    service = await startService({ DATA_DIR: dir.path, ADMIN_TOKEN: ADMIN });
    for (const mde of DEMO_MDES) await api('POST', '/api/mdes', mde);
    await api('POST', '/api/projects', {
      id: PROJECT,
      year: YEAR,
      title: 'Le Digibus',
      mdes: ['forest'],
      carrier: { name: 'Maison de l’Emploi de Forest', type: 'commune' },
      kind: 'local',
      audience: 'all-job-seekers',
      targetsPartners: false,
    });
    await api('POST', `/api/projects/${PROJECT}/decision`, { decision: 'approved' });
    await api('POST', '/api/sessions', {
      id: SESSION,
      projectId: PROJECT,
      date: `${YEAR}-01-02`,
      kind: 'outreach-stand',
    });
    for (const id of ['p-a', 'p-b', 'p-c'])
      await api('POST', '/api/participants', { id, role: 'citizen', registeredJobSeeker: false });
    const { token } = await api('POST', '/api/tokens', { role: 'partner', mdes: ['forest'], label: 'MDE Forest' });

    browser = await launchBrowser();
    context = await openContext(browser, 360);
    page = await context.newPage();
    // A step that cannot happen fails in 10 s, naming the step, before the test's own timeout.
    page.setDefaultTimeout(10_000);
    page.on('request', (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/sessions/${SESSION}/attendances`))
        attendancePosts.push({
          participantId: (request.postDataJSON() as { participantId: string }).participantId,
          key: request.headers()['idempotency-key'],
        });
    });
    await page.goto(service.url);
    await page.getByLabel('Jeton d’accès').fill(String(token));
    await page.keyboard.press('Enter');
    await page.getByText('Connecté : MDE Forest').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    dir.remove();
  });

  // One test: what is queued offline is what must be sent when the network is back.
  it('queues two attendances while offline, shows them pending, and sends them once back, each counted once', async () => {
    await page.goto(`${service.url}/sessions/${SESSION}`);
    await page.getByLabel('Identifiants des participants').waitFor();
    const [before, counted] = [await attendances(), await figures()];
    await context.setOffline(true);

    await page.keyboard.type('p-a');
    await page.keyboard.press('Enter');
    await page.keyboard.type('p-b');
    await page.keyboard.press('Enter');

    await line('p-b').filter({ hasText: 'en attente du réseau' }).waitFor();
    expect(await line('p-a').textContent()).toBe('p-a : en attente du réseau');
    await page.getByRole('link', { name: '2 envois en attente du réseau' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'En attente du réseau' }).count()).toBe(2);
    expect(await attendances()).toBe(before);
    await screenshot(page, 'offline-pending-360');
    expect(await axeViolations(page)).toEqual([]);
    // The outbox screen lists them too (the app is loaded: its screens need no network).
    await page.getByRole('link', { name: '2 envois en attente du réseau' }).click();
    await page.getByRole('heading', { name: 'Envois en attente' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'En attente du réseau' }).count()).toBe(2);
    await screenshot(page, 'outbox-360');
    expect(await axeViolations(page)).toEqual([]);
    await page.goBack();
    await page.getByLabel('Identifiants des participants').waitFor();

    await context.setOffline(false);

    await waitFor(async () => (await page.getByRole('link', { name: /envois? en attente/ }).count()) === 0, {
      what: 'the outbox to empty',
    });
    await waitFor(async () => (await attendances()) === before + 2, { what: '2 more attendances' });
    expect(await figures()).toMatchObject({ attendances: Number(counted.attendances) + 2 });
    // Each was sent again with the key made when it was entered.
    for (const participantId of ['p-a', 'p-b']) {
      const keys = attendancePosts.filter((post) => post.participantId === participantId).map((post) => post.key);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(new Set(keys).size).toBe(1);
    }
  });

  it('sends again, with the same key, a write whose answer was lost: the service applies it once', async () => {
    await page.goto(`${service.url}/sessions/${SESSION}`);
    await page.getByLabel('Identifiants des participants').waitFor();
    const [before, counted] = [await attendances(), await figures()];
    // The service receives and applies it; the answer never reaches the browser.
    await page.route(`**/api/sessions/${SESSION}/attendances`, async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.getByLabel('Identifiants des participants').fill('p-c');
    await page.keyboard.press('Enter');
    await line('p-c').filter({ hasText: 'en attente du réseau' }).waitFor();
    expect(await attendances()).toBe(before + 1);

    await page.unroute(`**/api/sessions/${SESSION}/attendances`);
    const resent = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/sessions/${SESSION}/attendances`) && response.request().method() === 'POST',
    );
    await page.evaluate('window.dispatchEvent(new Event("online"))');

    expect((await resent).status()).toBe(200);
    const keys = attendancePosts.filter((post) => post.participantId === 'p-c').map((post) => post.key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    await waitFor(async () => (await page.getByRole('link', { name: /envois? en attente/ }).count()) === 0, {
      what: 'the outbox to empty',
    });
    expect(await attendances()).toBe(before + 1);
    expect(await figures()).toMatchObject({ attendances: Number(counted.attendances) + 1 });
  });
});
