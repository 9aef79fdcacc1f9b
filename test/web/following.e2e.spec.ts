import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { projectBody, participantBody, sessionBody } from '../support/api-fixtures.js';
import { describeWithChromium } from '../support/chromium.js';
import { DEMO_MDES, registerMdes } from '../support/mdes.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { tempDir } from '../support/temp-dir.js';
import { axeViolations, launchBrowser, screenshot } from '../support/web-browser.js';

/**
 * The coordinator's and auditor's screens in Chromium, against the built service on a
 * temporary data directory: the dashboard's numbers lead to their provenance, an auditor sees
 * a figure as it stood before a late entry, a token is created and revoked, a report is
 * downloaded, and axe-core finds no WCAG 2.2 AA violation on any of these screens, at 360 px
 * and on a desktop.
 */
const ADMIN_TOKEN: string = randomUUID();
const forest = DEMO_MDES.find((mde) => mde.id === 'forest')!;

let service: ServiceProcess;
let data: ReturnType<typeof tempDir>;
let browser: Browser;
let auditorToken: string;
/** A moment between the first attendances and a late one. */
let beforeLateEntry: Date;

async function call(method: string, path: string, body?: unknown, token: string = ADMIN_TOKEN) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
const post = (path: string, body: unknown) => call('POST', path, body);

async function record(commands: ReadonlyArray<readonly [string, unknown]>): Promise<void> {
  for (const [path, body] of commands) {
    const { status, body: answer } = await post(path, body);
    if (status !== 201) throw new Error(`${path} answered ${status}: ${JSON.stringify(answer)}`);
  }
}

const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100 - (Date.now() % 1000)));

async function signedIn(token: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'fr-BE',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(service.url);
  await page.getByLabel('Jeton d’accès').fill(token);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}

beforeAll(async () => {
  data = tempDir('indicators-web-following-');
  service = await startService({ DATA_DIR: data.path, ADMIN_TOKEN });
  await registerMdes(post);
  await record([
    ['/api/projects', projectBody()],
    ['/api/projects/digimobile-2022/decision', { decision: 'approved', fundedAmount: 12000 }],
    ['/api/participants', participantBody('p-1')],
    ['/api/participants', participantBody('p-2', { registeredJobSeeker: false })],
    ['/api/participants', participantBody('p-3', { role: 'citizen' })],
    ['/api/sessions', sessionBody('dm-01')],
    ['/api/sessions/dm-01/attendances', { participantId: 'p-1' }],
    ['/api/sessions/dm-01/attendances', { participantId: 'p-2' }],
  ]);
  const auditor = await post('/api/tokens', { role: 'auditor', label: 'Audit e2e' });
  auditorToken = (auditor.body as { token: string }).token;
  await nextSecond();
  beforeLateEntry = new Date(Math.floor(Date.now() / 1000) * 1000);
  await nextSecond();
  await record([['/api/sessions/dm-01/attendances', { participantId: 'p-3' }]]);
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  data?.remove();
});

describeWithChromium('the coordinator’s and auditor’s screens', () => {
  it('lead from every number of the dashboard to the events behind it', async () => {
    const page = await signedIn(ADMIN_TOKEN);
    await page.getByRole('link', { name: 'Suivi de l’année' }).click();
    await page.getByRole('spinbutton', { name: 'Année' }).fill('2022');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByRole('heading', { name: 'Suivi de l’année 2022' }).waitFor();

    const participants = page.getByRole('link', { name: 'Participants, 2022 3', exact: true }).first();
    await participants.click();

    await page.getByRole('heading', { name: 'Provenance : Participants' }).waitFor();
    await page.getByText(/^Valeur : 3, faite de 3 événements/).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'p-3' }).count()).toBe(1);
    await page.context().close();
  }, 60_000);

  it('show an auditor the figure as it stood before a late entry, beside today’s', async () => {
    const page = await signedIn(auditorToken);
    await page.getByRole('link', { name: 'Historique' }).click();
    await page.getByRole('spinbutton', { name: 'Année' }).fill('2022');
    await page.getByLabel('Tels qu’au (date et heure)').fill(beforeLateEntry.toISOString().slice(0, 19));
    await page.getByRole('button', { name: 'Afficher' }).click();

    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Participants', exact: true }) });
    await row.waitFor();
    expect(await row.getByRole('link').allTextContents()).toEqual(['3', '2']);
    expect(await row.getByRole('cell').last().textContent()).toBe('+1');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('link', { name: 'Le registre des événements' }).click();
    await page.getByLabel('Type d’événement').fill('ParticipantAttended');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('caption').filter({ hasText: '3 événements affichés' }).waitFor();
    const types = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(types).toEqual(['ParticipantAttended', 'ParticipantAttended', 'ParticipantAttended']);
    await page.context().close();
  }, 60_000);

  it('create a partner token for chosen MDEs, shown once, then revoke it', async () => {
    const page = await signedIn(ADMIN_TOKEN);
    await page.getByRole('link', { name: 'Jetons' }).click();
    await page.getByLabel('Pour qui (libellé)').fill('MDE Forest e2e');
    await page.getByRole('checkbox', { name: forest.name.fr }).check();
    await page.getByRole('button', { name: 'Créer le jeton' }).click();

    const secret = (await page.locator('code.secret').textContent()) ?? '';
    expect((await call('GET', '/api/session', undefined, secret)).status).not.toBe(401);
    const shown = await call('GET', '/api/mdes', undefined, secret);
    expect(shown.status).toBe(200);

    await page.getByRole('button', { name: 'Révoquer « MDE Forest e2e »' }).click();
    await page.getByRole('button', { name: 'Confirmer la révocation de « MDE Forest e2e »' }).click();
    await page.getByRole('row', { name: /MDE Forest e2e.*Révoqué le/ }).waitFor();
    expect((await call('GET', '/api/mdes', undefined, secret)).status).toBe(401);
    await page.context().close();
  }, 60_000);

  it('download the year’s report', async () => {
    const page = await signedIn(ADMIN_TOKEN);
    await page.goto(`${service.url}/reports?year=2022&lang=fr`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV (français)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rapport-2022-fr.csv');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toContain('DigiMobile');
    await page.context().close();
  }, 60_000);

  it('import a sheet: the dry run row by row, then confirmed, with the import’s events', async () => {
    const page = await signedIn(ADMIN_TOKEN);
    await page.getByRole('link', { name: 'Importer' }).click();
    await page.getByLabel('Contenu du fichier').selectOption('attendances');
    await page.getByLabel('Fichier (CSV ou XLSX)').setInputFiles({
      name: 'presences.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'sessionId;participantId;role;registeredJobSeeker\ndm-01;p-1;;\ndm-01;p-9;citizen;non\ndm-01;nobody;;\n',
      ),
    });
    await page.getByRole('button', { name: 'Vérifier sans écrire' }).click();

    const rows = page.getByRole('table').first().getByRole('row');
    await rows.nth(3).waitFor();
    expect(await rows.nth(1).getByRole('cell').nth(2).textContent()).toBe('Déjà enregistrée');
    expect(await rows.nth(2).getByRole('cell').nth(2).textContent()).toBe('Nouvelle');
    expect(await rows.nth(3).getByRole('cell').nth(2).textContent()).toBe('Refusée');
    expect(await rows.nth(3).getByRole('cell').nth(3).textContent()).not.toBe('');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Importer la ligne nouvelle' }).click();
    await page.getByText('1 ligne écrite, 1 refusée.').waitFor();
    await page.getByRole('link', { name: 'Les événements de l’import' }).click();
    await page.getByRole('cell', { name: 'ImportRecorded' }).waitFor();
    await page.context().close();
  }, 60_000);

  it.each([360, 1280])(
    'pass axe-core on every screen at %i px',
    async (width) => {
      const page = await signedIn(ADMIN_TOKEN, width);
      const screens: [string, string][] = [
        ['/figures?year=2022', 'Suivi de l’année 2022'],
        ['/figures/2022/provenance?figure=sessions', 'Provenance : Séances'],
        [`/history?year=2022&asOf=${encodeURIComponent(beforeLateEntry.toISOString())}`, 'Les chiffres à une date'],
        ['/audit', 'Audit'],
        ['/audit/events', 'Registre des événements'],
        ['/audit/events?stream=session-dm-01', 'Flux session-dm-01'],
        ['/audit/corrections?year=2022', 'Corrections de 2022'],
        ['/reports?year=2022', 'Rapport annuel 2022'],
        ['/tokens', 'Jetons d’accès'],
        ['/mdes', 'Registre des MDE'],
        ['/imports', 'Importer un tableur'],
      ];
      for (const [path, heading] of screens) {
        await page.goto(`${service.url}${path}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
        await screenshot(page, `following-${width}-${path.replace(/[^a-z0-9]+/gi, '-').slice(1, 40)}`);
      }

      await page.goto(`${service.url}/reports?year=2022&lang=fr`);
      await page.getByRole('button', { name: /^Publier le rapport 2022/ }).click();
      await page.getByRole('button', { name: 'Confirmer la publication' }).click();
      await page
        .getByRole('link', { name: /^Publication n° \d+$/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Vérifier cette ancre' }).click();
      await page.getByText('Concordance : le registre donne toujours cette empreinte.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
    120_000,
  );
});
