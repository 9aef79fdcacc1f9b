import type { Catalogue } from '../catalogues/catalogue.js';
import { sentence } from '../phrases.js';
import type { ReportModel } from '../report.model.js';
import { markdownText } from './markdown-text.js';
import { reportText } from './report-text.js';

/** The report as Markdown, laid out like the reference report; what users typed is escaped. */
export function renderMarkdown(report: ReportModel, words: Catalogue): string {
  const text = reportText(report, words);
  const lines: string[] = [];
  lines.push(`**${text.header[0]}**  `, text.header[1]!, '', `# ${text.title}`, '', `## ${text.projectsHeading}`, '');
  lines.push(text.funded, '', `## ${text.editionHeading}`, '');
  for (const line of text.edition) lines.push(`- ${line}`);
  if (text.programmePhrases.length > 0)
    lines.push('', `**${words.programmeInFigures}** ${sentence(text.programmePhrases)}.`);
  for (const section of text.sections) {
    lines.push('', `# ${section.heading}`);
    for (const project of section.projects) {
      lines.push(
        '',
        `## ${markdownText(project.heading)}`,
        '',
        `*${markdownText(project.mdes)}*  `,
        `*${markdownText(project.carrier)}*`,
      );
      for (const paragraph of project.narrative) lines.push('', markdownText(paragraph));
      lines.push(
        '',
        project.phrases.length > 0 ? `**${words.inFigures}** ${sentence(project.phrases)}.` : words.noFigures,
      );
    }
  }
  lines.push('', '---', '', ...text.footer.map((line) => `${line}  `));
  if (text.anchor !== null) lines.push(`${text.anchor}  `);
  return `${lines.join('\n')}\n`;
}
