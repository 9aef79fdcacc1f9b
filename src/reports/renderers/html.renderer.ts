import type { Catalogue } from '../catalogues/catalogue.js';
import { sentence, type Phrase } from '../phrases.js';
import type { ReportModel } from '../report.model.js';
import { reportText } from './report-text.js';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The catalogues mark emphasis as Markdown does (`**28 projets**`). */
const emphasis = (text: string): string => escape(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

/**
 * The report as a printable HTML page: the same text as the Markdown, a bar
 * chart of participants per project (inline SVG), and every figure a link to
 * the events it is made of.
 */
export function renderHtml(report: ReportModel, words: Catalogue): string {
  const text = reportText(report, words);
  const year = report.year;
  const linkTo = (base: string) => (phrase: Phrase) =>
    `<a href="${base}?figure=${encodeURIComponent(phrase.figure)}" title="${escape(words.provenanceLink)}">${escape(phrase.text)}</a>`;
  const programmeLink = linkTo(`/api/figures/${year}/provenance`);
  const body: string[] = [];
  body.push(`<header><p class="service"><strong>${escape(text.header[0]!)}</strong><br>${escape(text.header[1]!)}</p>`);
  body.push(`<h1>${escape(text.title)}</h1></header>`);
  body.push(`<section class="programme"><h2>${escape(text.projectsHeading)}</h2><p>${emphasis(text.funded)}</p>`);
  body.push(
    `<h2>${escape(text.editionHeading)}</h2><ul>${text.edition.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>`,
  );
  if (text.programmePhrases.length > 0) {
    body.push(
      `<p><strong>${escape(words.programmeInFigures)}</strong> ${sentence(text.programmePhrases, programmeLink)}.</p>`,
    );
  }
  body.push(participantsChart(report, words), '</section>');
  for (const section of text.sections) {
    body.push(`<section><h2 class="part">${escape(section.heading)}</h2>`);
    for (const project of section.projects) {
      const link = linkTo(`/api/figures/${year}/projects/${encodeURIComponent(project.project.id)}/provenance`);
      body.push(`<article id="${escape(project.project.id)}"><h3>${escape(project.heading)}</h3>`);
      body.push(`<p class="meta">${escape(project.mdes)}<br>${escape(project.carrier)}</p>`);
      for (const paragraph of project.narrative) body.push(`<p>${escape(paragraph)}</p>`);
      body.push(
        project.phrases.length > 0
          ? `<p class="figures"><strong>${escape(words.inFigures)}</strong> ${sentence(project.phrases, link)}.</p>`
          : `<p class="figures">${escape(words.noFigures)}</p>`,
      );
      body.push('</article>');
    }
    body.push('</section>');
  }
  // The anchor wraps between groups of four only, so a reader copies whole groups.
  const anchor = text.anchor === null ? '' : `<p class="anchor" style="word-break: normal">${escape(text.anchor)}</p>`;
  body.push(`<footer>${text.footer.map((line) => `<p>${escape(line)}</p>`).join('')}${anchor}</footer>`);
  return `<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<title>${escape(text.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d2733; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
header .service { color: #3c5a78; font-size: 9.5pt; }
h1 { font-size: 20pt; color: #12375c; margin: .4rem 0 1.2rem; }
h2 { font-size: 14pt; color: #12375c; border-bottom: 2px solid #d6e2ee; padding-bottom: .2rem; margin-top: 1.6rem; }
h2.part { break-before: page; }
h3 { font-size: 12pt; color: #1f5a8c; margin: 1.2rem 0 .3rem; }
article { break-inside: avoid-page; }
.meta { color: #566; font-size: 9.5pt; margin: 0 0 .4rem; }
.figures { background: #f1f6fa; border-left: 3px solid #1f5a8c; padding: .4rem .6rem; }
a { color: inherit; text-decoration: none; border-bottom: 1px dotted #1f5a8c; }
figure { margin: 1rem 0; break-inside: avoid; }
figcaption { font-weight: bold; color: #12375c; margin-bottom: .4rem; }
svg text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10px; fill: #1d2733; }
footer { margin-top: 2rem; color: #667; font-size: 8.5pt; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } a { border-bottom: none; } }
`;

/** A horizontal bar per project, its participants, the longest bar for the most. */
function participantsChart(report: ReportModel, words: Catalogue): string {
  const bars = [...report.thematic, ...report.local]
    .map((project) => ({ label: project.title, value: project.figures.participants }))
    .filter((bar) => bar.value > 0)
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'fr'));
  if (bars.length === 0) return '';
  const max = Math.max(...bars.map((bar) => bar.value));
  const rowHeight = 18;
  const labelWidth = 230;
  const barWidth = 380;
  const height = bars.length * rowHeight + 8;
  const number = new Intl.NumberFormat(words.locale);
  const rows = bars.map((bar, i) => {
    const y = 4 + i * rowHeight;
    const width = Math.max(1, Math.round((bar.value / max) * barWidth));
    const label = bar.label.length > 38 ? `${bar.label.slice(0, 37)}…` : bar.label;
    return (
      `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${escape(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${width}" height="${rowHeight - 6}" fill="#1f5a8c"/>` +
      `<text x="${labelWidth + width + 4}" y="${y + 12}">${number.format(bar.value)}</text>`
    );
  });
  const total = labelWidth + barWidth + 50;
  return `<figure><figcaption>${escape(words.chartTitle)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(words.chartTitle)}" width="100%" viewBox="0 0 ${total} ${height}">${rows.join('')}</svg></figure>`;
}
