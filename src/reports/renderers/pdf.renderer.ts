import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { KindedError } from '../../shared/errors.js';

/** Debian's Chromium (`apt-get install chromium`); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network, run as root in a container. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class PdfUnavailableError extends KindedError {
  readonly kind = 'pdf-unavailable';

  constructor() {
    super(`PDF needs Chromium at ${CHROMIUM} (Debian: apt-get install chromium); ask for text/html instead`);
  }
}

export const pdfAvailable = (): boolean => existsSync(CHROMIUM);

/**
 * Prints the HTML report to PDF with Chromium (playwright-core), one browser
 * kept for the service's life. Chromium stamps the time of printing in the PDF
 * (CreationDate, ModDate); they are set to the report's own date, so the same
 * report always gives the same bytes.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('reports');
  private browser: Promise<Browser> | undefined;

  async render(html: string, documentDate: Date): Promise<Buffer> {
    if (!pdfAvailable()) throw new PdfUnavailableError();
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      // The report is set as the page's content: nothing else may be fetched, whatever an escaping bug lets in.
      await page.route('**/*', (route) => route.abort('blockedbyclient'));
      await page.setContent(withPrintPolicy(html), { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      return stampDates(Buffer.from(pdf), documentDate);
    } finally {
      await context.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    await browser?.close();
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS }).catch((error: unknown) => {
      this.browser = undefined;
      this.logger.error({ err: error }, 'Chromium did not start');
      throw error;
    });
    return this.browser;
  }
}

/**
 * What the printed page may load: its inline style and inline images, nothing
 * from any address (a second barrier behind the route that aborts every
 * request). Set on the printed copy only: the HTML format keeps its bytes.
 */
export const PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";

function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_POLICY}">`;
  return html.includes('<head>') ? html.replace('<head>', `<head>\n${meta}`) : `${meta}\n${html}`;
}

/** `D:YYYYMMDDHHmmSS+00'00'` has a fixed length: replacing it keeps every offset of the file. */
function stampDates(pdf: Buffer, date: Date): Buffer {
  const iso = date.toISOString();
  const stamp = `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
  const text = pdf
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \(D:\d{14}[+-Z]\d{2}'\d{2}'\)/g, `/$1 (${stamp})`);
  return Buffer.from(text, 'latin1');
}
