import { printedAnchor } from '../../src/audit/ledger-anchor.js';
import { fr } from '../../src/reports/catalogues/fr.catalogue.js';
import { nl } from '../../src/reports/catalogues/nl.catalogue.js';
import { renderCsv } from '../../src/reports/renderers/csv.renderer.js';
import { renderHtml } from '../../src/reports/renderers/html.renderer.js';
import { renderMarkdown } from '../../src/reports/renderers/markdown.renderer.js';
import { csvRows } from '../support/csv-rows.js';
import { reportModel } from '../support/report-model.js';

describe('the CSV report, as a spreadsheet opens it', () => {
  const hostile = ['=HYPERLINK("http://evil.example","clic")', '+1+2', '-2+3', '@SUM(A1)', 'Duo; "Dynamique", bis'];
  const report = reportModel(hostile.map((title) => ({ title })));

  it('starts with a BOM, so Excel reads UTF-8 ("année", not "annÃ©e")', () => {
    const csv = renderCsv(report, fr);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csvRows(csv.slice(1), ';')[0]).toEqual(['année', 'projet', 'titre', 'chiffre', 'valeur']);
  });

  it('separates with ; for French and Dutch spreadsheets, or with the separator asked for', () => {
    expect(csvRows(renderCsv(report, nl).slice(1), ';')[0]).toEqual(['jaar', 'project', 'titel', 'cijfer', 'waarde']);
    const comma = csvRows(renderCsv(report, fr, ',').slice(1), ',');
    expect(comma[0]).toEqual(['année', 'projet', 'titre', 'chiffre', 'valeur']);
    expect(comma.every((row) => row.length === 5)).toBe(true);
  });

  it('never lets a title run as a formula, and keeps every title whole', () => {
    for (const delimiter of [';', ','] as const) {
      const rows = csvRows(renderCsv(report, fr, delimiter).slice(1), delimiter);
      expect(rows.every((row) => row.length === 5)).toBe(true);
      const titles = new Set(rows.slice(1).map((row) => row[2]));
      for (const title of hostile.slice(0, 4)) expect(titles).toContain(`'${title}`);
      expect(titles).toContain('Duo; "Dynamique", bis');
      expect(rows.slice(1).every((row) => !/^[=+\-@]/.test(row[2]!))).toBe(true);
    }
  });

  it('keeps the figures as plain numbers', () => {
    const rows = csvRows(renderCsv(report, fr).slice(1), ';');
    expect(rows.find((row) => row[3] === 'participants' && row[1] === 'project-0')?.[4]).toBe('3');
  });
});

describe('the Markdown report, with what users typed', () => {
  const markdown = renderMarkdown(
    reportModel([
      {
        title: '<img src=x onerror=alert(1)>',
        carrier: { name: 'CPAS <b>de</b> Forest & co', type: 'cpas' },
        narrative:
          'Voir <script>fetch("/api/tokens")</script> ici.\n\n# Faux titre\n\n[clic](javascript:alert(1)) ![x](http://evil.example/p.png)\n\n- pas une liste\n1. ni celle-ci\n\n*gras* `code` | table |',
      },
    ]),
    fr,
  );

  it('writes no HTML element: tags are text', () => {
    expect(markdown).not.toMatch(/<[a-z/!]/i);
    expect(markdown).toContain('## &lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('&lt;script&gt;fetch("/api/tokens")&lt;/script&gt;');
    expect(markdown).toContain('CPAS &lt;b&gt;de&lt;/b&gt; Forest &amp; co');
  });

  it('makes no heading, link, image, list or emphasis of a narrative', () => {
    const lines = markdown.split('\n');
    expect(lines).toContain('\\# Faux titre');
    expect(lines).not.toContain('# Faux titre');
    expect(markdown).toContain('\\[clic\\](javascript:alert(1)) \\!\\[x\\](http://evil.example/p.png)');
    expect(lines).toContain('\\- pas une liste');
    expect(lines).toContain('1\\. ni celle-ci');
    expect(markdown).toContain('\\*gras\\* \\`code\\` \\| table \\|');
  });

  it('keeps its own Markdown', () => {
    expect(markdown).toContain('**Le projet en quelques chiffres :** 3 participants');
  });
});

describe('the anchor in the footer', () => {
  const hash = 'ab'.repeat(32);
  const anchor = printedAnchor({ position: 42n, hash });
  const anchored = { ...reportModel([{}]), ledgerHash: hash, anchor };
  const grouped = `${'abab '.repeat(15)}abab`;

  it('prints position, hash in groups of four and check code in every format, in the report language', () => {
    const line = `Registre : position 42, empreinte ${grouped}, contrôle ${anchor.check}`;
    expect(renderMarkdown(anchored, fr)).toContain(`\n${line}  \n`);
    expect(renderHtml(anchored, fr)).toContain(`<p class="anchor" style="word-break: normal">${line}</p>`);
    expect(renderMarkdown({ ...anchored, language: 'nl' }, nl)).toContain(
      `Register: positie 42, vingerafdruk ${grouped}, controle ${anchor.check}`,
    );
    for (const delimiter of [';', ','] as const) {
      const rows = csvRows(renderCsv(anchored, fr, delimiter), delimiter).filter((row) => row.join('') !== '');
      expect(rows[rows.length - 1]).toEqual([
        '# Registre : position 42',
        `empreinte ${grouped}`,
        `contrôle ${anchor.check}`,
      ]);
    }
    expect(renderMarkdown(anchored, fr)).not.toContain("Empreinte de la chaîne d'audit");
  });

  it('is left out, with the bare hash as before, for a publication made before reports printed it', () => {
    const before = { ...reportModel([{}]), ledgerHash: hash };
    expect(renderMarkdown(before, fr)).toContain(`Empreinte de la chaîne d'audit : ${hash}`);
    expect(renderHtml(before, fr)).not.toContain('Registre');
    expect(renderCsv(before, fr)).not.toContain('#');
  });
});
