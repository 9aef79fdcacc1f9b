import type { Catalogue } from '../catalogues/catalogue.js';
import { fill, plural } from '../catalogues/catalogue.js';
import { groupedHash } from '../../audit/ledger-anchor.js';
import { placeName } from '../catalogues/places.js';
import { activityPhrases, type Phrase } from '../phrases.js';
import type { ReportModel, ReportProject } from '../report.model.js';

/** The report as a sequence of paragraphs and lists, shared by the Markdown and HTML renderers. */
export interface ReportText {
  readonly title: string;
  readonly header: readonly string[];
  readonly projectsHeading: string;
  readonly funded: string;
  readonly editionHeading: string;
  readonly edition: readonly string[];
  readonly programmePhrases: readonly Phrase[];
  readonly sections: ReadonlyArray<{ readonly heading: string; readonly projects: readonly ProjectText[] }>;
  readonly footer: readonly string[];
  /** The anchor line ("Registre : position …, empreinte …, contrôle …"), null when none is printed. */
  readonly anchor: string | null;
}

export interface ProjectText {
  readonly project: ReportProject;
  readonly heading: string;
  readonly mdes: string;
  readonly carrier: string;
  readonly narrative: readonly string[];
  readonly phrases: readonly Phrase[];
}

export function reportText(report: ReportModel, words: Catalogue): ReportText {
  const { year, language } = report;
  const { locale } = words;
  const shares = report.programme.shares;
  const edition = shares
    ? [
        fill(words.shareAllJobSeekers, { share: shares.allJobSeekers }, locale),
        fill(words.shareTargetsPartners, { share: shares.targetsPartners }, locale),
        fill(
          words.shareCarriers,
          { communes: shares.communes, missions: shares.missionsLocalesOrAle, cpas: shares.cpas },
          locale,
        ),
      ]
    : [words.shareCarriersNone];
  const project = (p: ReportProject): ProjectText => ({
    project: p,
    heading: p.year === year ? p.title : `${p.title} (${fill(words.earlierYear, { year: String(p.year) }, locale)})`,
    mdes: `${words.mdesLabel}${words.labelSeparator}${p.mdes.map((mde) => placeName(mde, language)).join(', ')}`,
    carrier: `${words.carrierLabel}${words.labelSeparator}${p.carrier.name}`,
    narrative: (p.narrative ?? '')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean),
    phrases: activityPhrases(p.figures, words),
  });
  return {
    title: `${words.title} ${year}`,
    header: [words.service, words.direction],
    projectsHeading: fill(words.projectsHeading, { year: String(year) }, locale),
    funded: plural(words.projectsFunded, report.programme.funded, locale, { year: String(year) }),
    editionHeading: fill(words.editionHeading, { year: String(year) }, locale),
    edition,
    programmePhrases: activityPhrases(report.programme.figures.activity, words),
    sections: [
      { heading: fill(words.thematicHeading, { year: String(year) }, locale), projects: report.thematic.map(project) },
      { heading: fill(words.localHeading, { year: String(year) }, locale), projects: report.local.map(project) },
    ].filter((section) => section.projects.length > 0),
    footer: [
      fill(words.generatedAt, { position: report.position }, locale),
      // Reports regenerated for publications made before anchors print the bare hash, as they did.
      ...(report.anchor === undefined && report.ledgerHash
        ? [fill(words.ledger, { hash: report.ledgerHash }, locale)]
        : []),
    ],
    anchor: anchorParts(report, words)?.join(', ') ?? null,
  };
}

/** The anchor line's parts, filled: the position, the hash in groups of four, the check code. */
export function anchorParts(report: ReportModel, words: Catalogue): string[] | null {
  const { anchor } = report;
  if (!anchor) return null;
  const values = { position: anchor.position, hash: groupedHash(anchor.hash), check: anchor.check };
  return words.anchor.map((part) => fill(part, values, words.locale));
}
