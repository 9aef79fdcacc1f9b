import { activityFigures } from '../../src/figures/figures-shapes.js';
import { plural } from '../../src/reports/catalogues/catalogue.js';
import { fr } from '../../src/reports/catalogues/fr.catalogue.js';
import { nl } from '../../src/reports/catalogues/nl.catalogue.js';
import { activityPhrases, sentence } from '../../src/reports/phrases.js';
import { share } from '../../src/reports/report.model.js';
import { NotAcceptableError, negotiateFormat } from '../../src/reports/report-format.js';

describe('the report’s wording', () => {
  it.each([
    [fr, 1, '1 date'],
    [fr, 2, '2 dates'],
    [fr, 1487, '1\u202f487 dates'],
    [nl, 1, '1 datum'],
    [nl, 2, '2 data'],
    [nl, 1487, '1.487 data'],
  ])('says a number of dates in the right form (%#)', (words, n, expected) => {
    expect(plural(words.sessions, n, words.locale)).toBe(expected);
  });

  it('says one stage in one sector, and many in several', () => {
    const one = activityFigures(
      new Map([
        ['stages', 1],
        ['stageSectors', 1],
        ['stageCompanies', 1],
      ]),
    );
    const many = activityFigures(
      new Map([
        ['stages', 31],
        ['stageSectors', 16],
        ['stageCompanies', 29],
      ]),
    );
    expect(sentence(activityPhrases(one, fr))).toBe('1 stage en entreprise dans 1 secteur auprès de 1 entreprise');
    expect(sentence(activityPhrases(many, fr))).toBe(
      '31 stages en entreprises dans 16 secteurs différents auprès de 29 entreprises',
    );
    expect(sentence(activityPhrases(one, nl))).toBe('1 stage in een bedrijf in 1 sector bij 1 bedrijf');
  });

  it('words a project’s figures as the reference report does', () => {
    const digimobile = activityFigures(
      new Map([
        ['sessions', 19],
        ['sessionsByKind.outreach-stand', 19],
        ['participants', 252],
        ['attendances', 270],
        ['participantsByRole.citizen', 130],
        ['participantsByRole.job-seeker', 122],
        ['notRegisteredJobSeekers', 130],
      ]),
    );
    expect(sentence(activityPhrases(digimobile, fr))).toBe(
      "19 dates, 252 participants (130 citoyens, 122 chercheurs d'emploi), 130 participants non inscrits comme " +
        "chercheurs d'emploi (plus de la moitié du public n'était pas inscrit comme chercheur d'emploi)",
    );
    const duo = activityFigures(
      new Map([
        ['sessions', 32],
        ['sessionsByKind.information-session', 12],
        ['sessionsByKind.workshop', 20],
        ['outreach.people', 180],
        ['outreach.companies', 140],
      ]),
    );
    expect(sentence(activityPhrases(duo, fr))).toBe(
      "32 dates (20 ateliers, 12 séances d'information), 180 personnes contactées, 140 entreprises contactées",
    );
  });

  it('rounds shares to the nearest percent, halves up', () => {
    expect([share(15, 50), share(9, 50), share(7, 50), share(1, 8), share(1, 3), share(0, 0)]).toEqual([
      30, 18, 14, 13, 33, 0,
    ]);
  });

  it('serves the format the Accept header prefers, JSON when any will do', () => {
    expect(negotiateFormat(undefined)).toBe('json');
    expect(negotiateFormat('text/html,application/xhtml+xml;q=0.9,*/*;q=0.8')).toBe('html');
    expect(negotiateFormat('application/pdf;q=0.5, text/csv')).toBe('csv');
    expect(negotiateFormat('text/*')).toBe('markdown');
    expect(() => negotiateFormat('image/png')).toThrow(NotAcceptableError);
  });
});
