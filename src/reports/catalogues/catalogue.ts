/** The report's languages: Brussels is bilingual. */
export const LANGUAGES = ['fr', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message with a form per plural category (Intl.PluralRules), `{n}` standing for the number. */
export interface Plural {
  readonly one: string;
  readonly other: string;
}

/**
 * Every word of the report, per language. The catalogues hold only wording;
 * the renderers choose which messages to use, never how they read.
 */
export interface Catalogue {
  readonly locale: string;
  readonly title: string;
  readonly service: string;
  readonly direction: string;
  readonly projectsHeading: string;
  readonly projectsFunded: Plural;
  readonly editionHeading: string;
  readonly shareAllJobSeekers: string;
  readonly shareTargetsPartners: string;
  readonly shareCarriers: string;
  readonly shareCarriersNone: string;
  readonly thematicHeading: string;
  readonly localHeading: string;
  /** Between a label and its value: " : " in French, ": " in Dutch. */
  readonly labelSeparator: string;
  readonly mdesLabel: string;
  readonly carrierLabel: string;
  readonly earlierYear: string;
  readonly inFigures: string;
  readonly programmeInFigures: string;
  readonly noFigures: string;
  readonly chartTitle: string;
  readonly provenanceLink: string;
  readonly generatedAt: string;
  readonly ledger: string;
  /** The anchor's parts (position, hash, check code): a footer line joined by ", ", a CSV comment row split. */
  readonly anchor: readonly [string, string, string];
  readonly moreThanHalfNotRegistered: string;
  readonly sessions: Plural;
  readonly sessionsByKind: Readonly<Record<string, Plural>>;
  readonly participants: Plural;
  readonly attendancesPerParticipant: Plural;
  readonly participantsByRole: Readonly<Record<string, Plural>>;
  readonly notRegisteredJobSeekers: Plural;
  readonly stages: Plural;
  readonly stagesInSectors: Plural;
  readonly stageCompanies: Plural;
  readonly outreach: Readonly<Record<string, Plural>>;
  readonly outcomes: Readonly<Record<string, Plural>>;
  readonly csvHeader: readonly string[];
  /** The list separator the language's spreadsheets expect (`;` where the decimal mark is a comma). */
  readonly csvDelimiter: ';' | ',';
  readonly programmeRow: string;
}

/** Fills a message: `{name}` placeholders from the values, numbers in the language's format. */
export function fill(template: string, values: Readonly<Record<string, string | number>>, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Message ${template} has no value for {${name}}`);
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** The form of a plural message for a count, then filled. */
export function plural(
  message: Plural,
  n: number,
  locale: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? message.one : message.other;
  return fill(form, { n, ...values }, locale);
}
