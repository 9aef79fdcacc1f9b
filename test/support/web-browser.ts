import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../src/reports/renderers/pdf.renderer.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium with the PDF renderer's flags: never a downloaded browser. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });

/** A context at a phone's width (360 px) or a desktop's (SCREENSHOTS_WIDTH=360 looks at every screen on a phone). */
export function openContext(
  browser: Browser,
  width: number = Number(process.env.SCREENSHOTS_WIDTH ?? 1280),
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height: width === 360 ? 780 : 900 },
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
  });
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/**
 * The WCAG 2.2 A and AA violations axe-core finds on the page as it is now, as readable lines.
 * axe's script is evaluated through the DevTools protocol: the page's CSP (own scripts only) stays on.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, run in the page: the tests are compiled without the DOM's types.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      .then((result) => result.violations)`,
  );
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** A screenshot into SCREENSHOTS_DIR when set (for looking at the screens), nothing otherwise. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
