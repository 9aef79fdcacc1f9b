import type { Language } from './catalogue.js';

/** The Brussels communes and their Maisons de l'Emploi / Werkhuizen, by slug, in both languages. */
const PLACES: Readonly<Record<string, readonly [fr: string, nl: string]>> = {
  anderlecht: ['Anderlecht', 'Anderlecht'],
  auderghem: ['Auderghem', 'Oudergem'],
  'berchem-sainte-agathe': ['Berchem-Sainte-Agathe', 'Sint-Agatha-Berchem'],
  'bruxelles-ville': ['Bruxelles-Ville', 'Brussel-Stad'],
  etterbeek: ['Etterbeek', 'Etterbeek'],
  evere: ['Evere', 'Evere'],
  forest: ['Forest', 'Vorst'],
  ganshoren: ['Ganshoren', 'Ganshoren'],
  ixelles: ['Ixelles', 'Elsene'],
  jette: ['Jette', 'Jette'],
  koekelberg: ['Koekelberg', 'Koekelberg'],
  molenbeek: ['Molenbeek-Saint-Jean', 'Sint-Jans-Molenbeek'],
  'saint-gilles': ['Saint-Gilles', 'Sint-Gillis'],
  'saint-josse-ten-noode': ['Saint-Josse-ten-Noode', 'Sint-Joost-ten-Node'],
  schaerbeek: ['Schaerbeek', 'Schaarbeek'],
  uccle: ['Uccle', 'Ukkel'],
  'watermael-boitsfort': ['Watermael-Boitsfort', 'Watermaal-Bosvoorde'],
  'woluwe-saint-lambert': ['Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe'],
  'woluwe-saint-pierre': ['Woluwe-Saint-Pierre', 'Sint-Pieters-Woluwe'],
};

/** An MDE's name in a language; an unknown slug reads with capitals ("new-mde" → "New-Mde"). */
export function placeName(slug: string, language: Language): string {
  const known = PLACES[slug];
  if (known) return language === 'fr' ? known[0] : known[1];
  return slug.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}
