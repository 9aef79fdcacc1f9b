import { catalogue } from '../../i18n/catalogue';

export const offlineMessages = catalogue(
  {
    'offline.pendingCount': '{count, plural, one {# envoi en attente du réseau} other {# envois en attente du réseau}}',
    'offline.refusedCount': '{count, plural, one {# envoi refusé} other {# envois refusés}}',
    'offline.title': 'Envois en attente',
    'offline.intro':
      'Ce qui a été saisi sans réseau est gardé dans ce navigateur et envoyé dès que le réseau revient, une seule fois.',
    'offline.empty': 'Rien en attente : tout a été envoyé.',
    'offline.caption': 'Les envois gardés dans ce navigateur, du plus ancien au plus récent',
    'offline.what': 'Saisie',
    'offline.when': 'Saisie le',
    'offline.state': 'État',
    'offline.command':
      '{kind, select, session {Séance} attendance {Présence de} cancellation {Annulation de la séance} retraction {Retrait de la présence de} participant {Inscription de} stage {Stage de} outcome {Résultat de} outreach {Sensibilisation} other {{kind}}}',
    'offline.queuedAt': '{at, date, short} {at, time, short}',
    'offline.pending': 'En attente du réseau',
    'offline.refused': 'Refusé : {reason}',
    'offline.dismiss': 'J’ai lu, retirer',
    'offline.queuedNotice': 'Pas de réseau : gardé dans ce navigateur, envoyé dès que le réseau revient.',
  },
  {
    'offline.pendingCount':
      '{count, plural, one {# verzending wacht op netwerk} other {# verzendingen wachten op netwerk}}',
    'offline.refusedCount': '{count, plural, one {# verzending geweigerd} other {# verzendingen geweigerd}}',
    'offline.title': 'Wachtende verzendingen',
    'offline.intro':
      'Wat zonder netwerk werd ingevoerd, blijft in deze browser bewaard en wordt één keer verzonden zodra het netwerk terug is.',
    'offline.empty': 'Niets wacht: alles is verzonden.',
    'offline.caption': 'De verzendingen die in deze browser bewaard zijn, van oud naar nieuw',
    'offline.what': 'Invoer',
    'offline.when': 'Ingevoerd op',
    'offline.state': 'Status',
    'offline.command':
      '{kind, select, session {Sessie} attendance {Aanwezigheid van} cancellation {Annulering van sessie} retraction {Intrekking van de aanwezigheid van} participant {Inschrijving van} stage {Stage van} outcome {Resultaat van} outreach {Sensibilisering} other {{kind}}}',
    'offline.queuedAt': '{at, date, short} {at, time, short}',
    'offline.pending': 'Wacht op netwerk',
    'offline.refused': 'Geweigerd: {reason}',
    'offline.dismiss': 'Gelezen, verwijderen',
    'offline.queuedNotice': 'Geen netwerk: bewaard in deze browser, verzonden zodra het netwerk terug is.',
  },
);
