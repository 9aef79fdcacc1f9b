import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Catalogue, Language } from './catalogues/catalogue.js';
import { fr } from './catalogues/fr.catalogue.js';
import { nl } from './catalogues/nl.catalogue.js';
import { activityPhrases, type Phrase } from './phrases.js';
import type { ReportModel } from './report.model.js';
import { REPORT_FORMATS, type ReportFormat } from './report-format.js';
import { renderCsv, type CsvDelimiter } from './renderers/csv.renderer.js';
import { renderHtml } from './renderers/html.renderer.js';
import { renderMarkdown } from './renderers/markdown.renderer.js';
import { PdfRenderer } from './renderers/pdf.renderer.js';

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { fr, nl };

/** What a reader may choose beyond the format: the CSV separator (the language's by default). */
export interface RenderOptions {
  readonly delimiter?: CsvDelimiter | undefined;
}

export interface RenderedReport {
  readonly body: Buffer;
  readonly contentType: string;
}

/** One report model, five formats; the same model always renders to the same bytes. */
@Injectable()
export class ReportRenderer {
  constructor(private readonly pdf: PdfRenderer) {}

  async render(report: ReportModel, format: ReportFormat, options: RenderOptions = {}): Promise<RenderedReport> {
    const words = CATALOGUES[report.language];
    const contentType = contentTypeOf(format);
    switch (format) {
      case 'json':
        return { body: text(`${JSON.stringify(withPhrases(report, words), null, 2)}\n`), contentType };
      case 'markdown':
        return { body: text(renderMarkdown(report, words)), contentType };
      case 'html':
        return { body: text(renderHtml(report, words)), contentType };
      case 'csv':
        return { body: text(renderCsv(report, words, options.delimiter)), contentType };
      case 'pdf':
        return { body: await this.pdf.render(renderHtml(report, words), new Date(report.asOf ?? 0)), contentType };
    }
  }
}

/** The Content-Type of a format: text in UTF-8. */
export const contentTypeOf = (format: ReportFormat): string =>
  `${REPORT_FORMATS[format].mediaType}${format === 'pdf' ? '' : '; charset=utf-8'}`;

export const digestOf = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

const text = (content: string): Buffer => Buffer.from(content, 'utf8');

/** The JSON report carries the figures and the sentences the other formats print. */
function withPhrases(report: ReportModel, words: Catalogue) {
  const projects = [...report.thematic, ...report.local].map((project): [string, Phrase[]] => [
    project.id,
    activityPhrases(project.figures, words),
  ]);
  return {
    ...report,
    phrases: {
      programme: activityPhrases(report.programme.figures.activity, words),
      projects: Object.fromEntries(projects),
    },
  };
}
