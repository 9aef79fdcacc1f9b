import { catalogue } from '../../i18n/catalogue';

export const figureMessages = catalogue(
  {
    'provenance.back': 'Retour au projet {projectId}',
    'provenance.title': 'D’où vient ce chiffre : {figure}, {year}',
    'provenance.summary':
      'Valeur {value}, faite de {count, plural, one {# événement} other {# événements}} du journal (jusqu’à la position {position}).',
    'provenance.caption': 'Les événements qui font ce chiffre, dans l’ordre du journal',
    'provenance.position': 'Position',
    'provenance.event': 'Événement',
    'provenance.item': 'Compté',
    'provenance.recorded': 'Enregistré le',
    'provenance.actor': 'Par',
    'provenance.counts': 'Apport',
    'provenance.at': '{at, date, medium} {at, time, short}',
  },
  {
    'provenance.back': 'Terug naar project {projectId}',
    'provenance.title': 'Waar dit cijfer vandaan komt: {figure}, {year}',
    'provenance.summary':
      'Waarde {value}, opgebouwd uit {count, plural, one {# gebeurtenis} other {# gebeurtenissen}} van het logboek (tot positie {position}).',
    'provenance.caption': 'De gebeurtenissen die dit cijfer vormen, in de volgorde van het logboek',
    'provenance.position': 'Positie',
    'provenance.event': 'Gebeurtenis',
    'provenance.item': 'Geteld',
    'provenance.recorded': 'Geregistreerd op',
    'provenance.actor': 'Door',
    'provenance.counts': 'Bijdrage',
    'provenance.at': '{at, date, medium} {at, time, short}',
  },
);
