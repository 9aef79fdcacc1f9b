import { writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { LANGUAGES, type Language } from '../reports/catalogues/catalogue.js';
import { ReportBuilder } from '../reports/report-builder.js';
import { REPORT_FORMATS, REPORT_FORMAT_NAMES, formatNamed, type ReportFormat } from '../reports/report-format.js';
import { ReportRenderer } from '../reports/report-renderer.js';

interface ReportOptions {
  format: ReportFormat;
  out?: string;
  lang: Language;
}

/** The annual report from the read models as they stand, in a file (or on stdout). */
@Command({ name: 'report', arguments: '<year>', description: 'Write the annual report of a year' })
export class ReportCommand extends CommandRunner {
  constructor(
    private readonly builder: ReportBuilder,
    private readonly renderer: ReportRenderer,
  ) {
    super();
  }

  async run([year]: string[], options: ReportOptions): Promise<void> {
    if (!/^\d{4}$/.test(year ?? '')) throw new Error('The year must have four digits');
    const report = await this.builder.build(Number(year), options.lang ?? 'fr', this.builder.currentPosition());
    const { body } = await this.renderer.render(report, options.format ?? 'markdown');
    if (options.out === undefined) {
      process.stdout.write(body);
      return;
    }
    writeFileSync(options.out, body);
    console.log(
      `Wrote ${options.out} (${body.length} bytes, ${REPORT_FORMATS[options.format ?? 'markdown'].mediaType}, position ${report.position})`,
    );
  }

  @Option({ flags: '--format <format>', description: 'md, html, pdf, csv or json (md by default)' })
  parseFormat(value: string): ReportFormat {
    const format = formatNamed(value);
    if (!format) throw new Error(`--format must be one of ${REPORT_FORMAT_NAMES.join(', ')}`);
    return format;
  }

  @Option({ flags: '--out <file>', description: 'write to this file instead of stdout' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--lang <lang>', description: 'fr (default) or nl' })
  parseLang(value: string): Language {
    if (!(LANGUAGES as readonly string[]).includes(value)) throw new Error('--lang must be fr or nl');
    return value as Language;
  }
}
