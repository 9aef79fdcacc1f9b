import { readFileSync } from 'node:fs';
import { personalDataIn } from '../../src/http/personal-data.js';

/** Every string of the demo data set: titles, carriers, narratives, reasons, ids. */
function demoTexts(): { narratives: string[]; all: string[] } {
  const dataset = JSON.parse(readFileSync(new URL('../../demo/programme-2022.json', import.meta.url), 'utf8')) as {
    projects: { narrative?: string }[];
  };
  const all: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') all.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(dataset);
  const narratives = dataset.projects.flatMap((project) => (project.narrative ? [project.narrative] : []));
  return { narratives, all };
}

describe('personal data detection', () => {
  it.each([
    ['marie.dupont@example.be', 'an e-mail address'],
    ['contact: jean@mde-forest.brussels', 'an e-mail address'],
    ['Écrire à jean.dupont@example.be.', 'an e-mail address'],
    ['0470 12 34 56', 'a phone number'],
    ['0470/12.34.56', 'a phone number'],
    ['0470.12.34.56', 'a phone number'],
    ['0470123456', 'a phone number'],
    ['p-0471234567', 'a phone number'],
    ['Appeler le 02 511 22 33', 'a phone number'],
    ['02/511.22.33', 'a phone number'],
    ['02-511-22-33', 'a phone number'],
    ['+32 470 12 34 56', 'a phone number'],
    ['+32 (0)2 511 22 33', 'a phone number'],
    ['+32470123456', 'a phone number'],
    ['0032470123456', 'a phone number'],
    ['0032 2 511 22 33', 'a phone number'],
    ['Paris : +33 1 42 68 53 00', 'a phone number'],
    ['+1 202 555 0143', 'a phone number'],
    ['85.07.30-033.28', 'a national register number'],
    ['85 07 30 033 28', 'a national register number'],
    ['850730-033-28', 'a national register number'],
    ['85073003328', 'a national register number'], // valid check digits, born before 2000
    ['01022300152', 'a national register number'], // valid check digits, born after 2000 (2 before the nine)
    ['NN 01.02.23-001.52', 'a national register number'],
    // Full-width and other compatibility forms are read as what they look like (NFKC).
    ['jean.dupont＠example.be', 'an e-mail address'],
    ['０４７０ １２ ３４ ５６', 'a phone number'],
    ['８５．０７．３０－０３３．２８', 'a national register number'],
  ])('finds %s', (text, kind) => {
    expect(personalDataIn(text)).toBe(kind);
  });

  it.each([
    'p-7f3a',
    'dm-js-122',
    'digimobile-2022',
    'Séance du 2022-07-18 à 14:30',
    '19 dates, 252 participants',
    'Budget 12000.50 euros, 31 stages dans 16 secteurs',
    'duo-dynamique-2022-stage-031',
    '12345678901', // eleven digits that are no national number (check digits wrong)
    '85.07.30-033.27', // the card's layout, check digits wrong
    'Rue de la Loi 16, 1000 Bruxelles',
    'du 2022-01-05 au 2022-02-07, 12 séances',
    'Groupes de 10 12 15 120 45 personnes, sessions 01 02 03 04 05 06.',
    '1210 CEO Events',
    'Communes : 1000, 1020, 1030, 1060, 1080, 1081, 1190, 1210',
    'Sessions les 18/07/2022, 25/07/2022, 01/08/2022 et 08/08/2022',
    'Le 18.07.2022 à 9h30, le 19.07.2022 à 14h',
    '45 % des 252 participants, 12,5 % inscrits, 3,2 % en stage',
    'Éditions 2019, 2020, 2021, 2022 et 2023',
    'Participants : 12 15 18 21 24 27 30 33 36 39 42',
    '2022: 120 participants, 45 femmes, 75 hommes; 2021: 98',
    'Projet n° 2022-045, dossier 12/345',
    'Montant : 12 000,50 €, soit 1 234 € par mois',
  ])('lets %s through', (text) => {
    expect(personalDataIn(text)).toBeNull();
  });

  it('lets every narrative of the demo data set through, and every other text of it', () => {
    const { narratives, all } = demoTexts();
    expect(narratives.length).toBeGreaterThan(10);
    expect(narratives.filter((text) => personalDataIn(text) !== null)).toEqual([]);
    expect(all.filter((text) => personalDataIn(text) !== null)).toEqual([]);
  });

  it('reads a long text in linear time', () => {
    const started = performance.now();
    for (const text of ['1 '.repeat(2500), '0'.repeat(5000), '+3 '.repeat(1666), `${'a@'.repeat(2500)}.be`]) {
      personalDataIn(text);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
