import type { ActivityFigures } from '../figures/figures-shapes.js';
import { plural, type Catalogue } from './catalogues/catalogue.js';

/** A figure in the report's words, with the counter it comes from (for its provenance). */
export interface Phrase {
  readonly figure: string;
  readonly text: string;
  /** A breakdown said in brackets after it. */
  readonly details?: readonly Phrase[];
}

/**
 * The non-zero figures of a project (or of the programme's activity) in the
 * report's words: "19 dates, 252 participants", "31 stages en entreprises dans
 * 16 secteurs différents", "180 personnes contactées"…
 */
export function activityPhrases(figures: ActivityFigures, words: Catalogue): Phrase[] {
  const { locale } = words;
  const phrases: Phrase[] = [];
  const breakdown = (
    counts: Readonly<Record<string, number>>,
    messages: Catalogue['sessionsByKind'],
    prefix: string,
  ): Phrase[] =>
    Object.entries(counts)
      .filter(([key, n]) => n > 0 && messages[key] !== undefined)
      .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
      .map(([key, n]) => ({ figure: `${prefix}.${key}`, text: plural(messages[key]!, n, locale) }));

  if (figures.sessions > 0) {
    const kinds = breakdown(figures.sessionsByKind, words.sessionsByKind, 'sessionsByKind');
    phrases.push({
      figure: 'sessions',
      text: plural(words.sessions, figures.sessions, locale),
      ...(kinds.length > 1 ? { details: kinds } : {}),
    });
  }
  if (figures.participants > 0) {
    const roles = breakdown(figures.participantsByRole, words.participantsByRole, 'participantsByRole');
    phrases.push({
      figure: 'participants',
      text: plural(words.participants, figures.participants, locale),
      ...(roles.length > 1 ? { details: roles } : {}),
    });
    // Worth saying when people came back ("en moyenne à 2 activités" in the reference report).
    if (figures.attendancesPerParticipant >= 1.5) {
      const { attendancesPerParticipant: average } = figures;
      const text = plural(words.attendancesPerParticipant, average, locale, { average: round(average, locale) });
      phrases.push({ figure: 'attendances', text });
    }
  }
  // Said of a public of job seekers and citizens, as the reference does; of partners' staff it would mislead.
  const publicOnly = Object.keys(figures.participantsByRole).every(
    (role) => role === 'job-seeker' || role === 'citizen',
  );
  if (figures.notRegisteredJobSeekers > 0 && publicOnly) {
    const moreThanHalf = 2 * figures.notRegisteredJobSeekers > figures.participants;
    phrases.push({
      figure: 'notRegisteredJobSeekers',
      text: plural(words.notRegisteredJobSeekers, figures.notRegisteredJobSeekers, locale),
      ...(moreThanHalf
        ? { details: [{ figure: 'notRegisteredJobSeekers', text: words.moreThanHalfNotRegistered }] }
        : {}),
    });
  }
  if (figures.stages > 0) {
    const stages = [
      plural(words.stages, figures.stages, locale),
      plural(words.stagesInSectors, figures.stageSectors, locale),
      plural(words.stageCompanies, figures.stageCompanies, locale),
    ];
    phrases.push({ figure: 'stages', text: stages.join(' ') });
  }
  phrases.push(...breakdown(figures.outreach, words.outreach, 'outreach'));
  phrases.push(...breakdown(figures.outcomes, words.outcomes, 'outcomes'));
  return phrases;
}

/** "19 dates (…), 252 participants" */
export function sentence(phrases: readonly Phrase[], link: (phrase: Phrase) => string = (p) => p.text): string {
  return phrases
    .map((phrase) => (phrase.details ? `${link(phrase)} (${phrase.details.map(link).join(', ')})` : link(phrase)))
    .join(', ');
}

const round = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
