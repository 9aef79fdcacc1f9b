import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF's text as pdftotext (poppler-utils) reads it, white space folded. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'indicators-pdf-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    // A report's few pages take well under a second; pdftotext stuck on a broken file is killed, not waited for.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    return text.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
