import { pdfAvailable } from '../../src/reports/renderers/pdf.renderer.js';

/**
 * PDF tests need Debian's Chromium. Where it is missing they are reported as
 * skipped, with the reason printed once, never as a pass; in CI (which
 * installs it, see .ci/run) they run and fail instead.
 */
const skipped = !pdfAvailable() && !process.env.CI;
if (skipped) {
  console.log(
    'PDF tests skipped: no Chromium at /usr/bin/chromium (or CHROMIUM_PATH); apt-get install chromium poppler-utils',
  );
}

export const itWithChromium = skipped ? it.skip : it;
export const describeWithChromium = skipped ? describe.skip : describe;
