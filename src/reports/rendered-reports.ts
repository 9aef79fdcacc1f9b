import { Injectable } from '@nestjs/common';
import { ReadCapacity } from '../projections/read-capacity.js';
import type { Language } from './catalogues/catalogue.js';
import { ReportBuilder } from './report-builder.js';
import type { ReportFormat } from './report-format.js';
import type { RenderOptions, RenderedReport } from './report-renderer.js';

/** What a report is, once rendered: the same request at the same log position gives the same bytes. */
export interface ReportRequest {
  readonly year: number;
  readonly language: Language;
  readonly format: ReportFormat;
  readonly options: RenderOptions;
}

/** Rendered reports kept, most recently used last; a PDF of the demo year is ~100 KB. */
const CACHE_BYTES = 32 * 1024 * 1024;

/**
 * The report of a year as the read models stand, built and rendered within the
 * bounds of expensive reads (a PDF in the PDF lane), and cached by year,
 * language, format (with its options) and log position: 40 requests for the
 * same PDF print it once, and while the log does not move every later one is
 * served from memory.
 */
@Injectable()
export class RenderedReports {
  private readonly cache = new Map<string, Promise<RenderedReport>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(
    private readonly builder: ReportBuilder,
    private readonly capacity: ReadCapacity,
  ) {}

  async current(request: ReportRequest, actor: string): Promise<RenderedReport & { position: string }> {
    const position = this.builder.currentPosition();
    const key = JSON.stringify([
      request.year,
      request.language,
      request.format,
      request.options.delimiter,
      `${position}`,
    ]);
    let rendered = this.cache.get(key);
    if (rendered) {
      this.cache.delete(key);
      this.cache.set(key, rendered);
    } else {
      rendered = this.capacity.run(actor, request.format === 'pdf' ? 'pdf' : 'replay', () =>
        this.builder.rendered(request.year, request.language, position, request.format, request.options),
      );
      this.cache.set(key, rendered);
      rendered.then(
        (done) => this.keep(key, done.body.length),
        () => this.cache.delete(key),
      );
    }
    return { ...(await rendered), position: position.toString() };
  }

  private keep(key: string, size: number): void {
    if (!this.cache.has(key)) return;
    this.sizes.set(key, size);
    this.bytes += size;
    for (const [oldest] of this.cache) {
      if (this.bytes <= CACHE_BYTES || oldest === key) break;
      this.cache.delete(oldest);
      this.bytes -= this.sizes.get(oldest) ?? 0;
      this.sizes.delete(oldest);
    }
  }
}
