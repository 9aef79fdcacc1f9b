import { publicationDecider, type PublishReport } from '../../src/reports/publication.decider.js';
import type { ReportPublishedData } from '../../src/reports/publication.events.js';
import { specificationFor } from '../support/decider-specification.js';

const { given } = specificationFor(publicationDecider);

const report: PublishReport['report'] = {
  reportPosition: '120',
  figureDefinitions: 2,
  digests: { json: 'j1', markdown: 'm1', html: 'h1', csv: 'c1' },
  ledgerHash: 'f00d',
};
const publish = (language: 'fr' | 'nl', frozen = report): PublishReport => ({
  type: 'PublishReport',
  data: { year: 2022, language },
  report: frozen,
});
const published = (number: number, language: 'fr' | 'nl', frozen = report) =>
  ({
    type: 'ReportPublished',
    data: { year: 2022, language, ...frozen, number } satisfies ReportPublishedData,
  }) as const;

describe('publication decider', () => {
  it("publishes a year's first report as number 1", () => {
    given([])
      .when(publish('fr'))
      .then([published(1, 'fr')]);
  });

  it('numbers the next publications in order', () => {
    const later = { ...report, reportPosition: '180', digests: { ...report.digests, json: 'j2' } };
    given([published(1, 'fr')])
      .when(publish('fr', later))
      .then([published(2, 'fr', later)]);
    given([published(1, 'fr'), published(2, 'fr', later)])
      .when(publish('nl'))
      .then([published(3, 'nl')]);
  });

  it('answers the same report, in the same language at the same position, as already applied', () => {
    given([published(1, 'fr'), published(2, 'nl')])
      .when(publish('fr'))
      .thenAlreadyApplied(0);
    given([published(1, 'fr'), published(2, 'nl')])
      .when(publish('nl'))
      .thenAlreadyApplied(1);
  });

  it('publishes again when the report at the same position reads otherwise (the figure definitions changed)', () => {
    const redefined = { ...report, figureDefinitions: 3, digests: { ...report.digests, json: 'j3' } };
    given([published(1, 'fr')])
      .when(publish('fr', redefined))
      .then([published(2, 'fr', redefined)]);
  });

  it('stores the published bytes of each format after the publication, in parts, and remembers where', () => {
    const renditions = [
      { format: 'markdown', parts: ['bWQ='] },
      { format: 'pdf', parts: ['cDE=', 'cDI='] },
    ];
    const stored = (format: string, part: number, parts: number, bytes: string) =>
      ({ type: 'ReportRenditionStored', data: { year: 2022, number: 1, format, part, parts, bytes } }) as const;
    given([])
      .when({ ...publish('fr'), renditions })
      .then([
        { type: 'ReportPublished', data: { ...published(1, 'fr').data, stored: ['markdown', 'pdf'] } },
        stored('markdown', 0, 1, 'bWQ='),
        stored('pdf', 0, 2, 'cDE='),
        stored('pdf', 1, 2, 'cDI='),
      ]);
    const state = [
      published(1, 'fr'),
      stored('markdown', 0, 1, 'bWQ='),
      stored('pdf', 0, 2, 'cDE='),
      stored('pdf', 1, 2, 'cDI='),
    ].reduce(
      (folded, event, revision) => publicationDecider.evolve(folded, event, revision),
      publicationDecider.initialState(),
    );
    expect(state.publications[0]!.renditions).toEqual({ markdown: [1], pdf: [2, 3] });
  });
});
