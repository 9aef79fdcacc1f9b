import { catalogue } from '../../i18n/catalogue';

export const importsMessages = catalogue(
  {
    'imports.nav': 'Importer',
    'imports.title': 'Importer un tableur',
    'imports.intro':
      'Chaque ligne passe par les mêmes règles qu’une saisie une à une. Vérifiez d’abord : rien n’est écrit avant votre confirmation, et un fichier importé deux fois n’écrit rien de plus.',
    'imports.kind': 'Contenu du fichier',
    'imports.kind.value':
      '{kind, select, participants {Participants} sessions {Séances} attendances {Présences} stages {Stages} outreach {Contacts} outcomes {Résultats} other {{kind}}}',
    'imports.templates': 'Modèles vides :',
    'imports.template': '{format}',
    'imports.file': 'Fichier (CSV ou XLSX)',
    'imports.file.missing': 'Choisissez un fichier.',
    'imports.check': 'Vérifier sans écrire',
    'imports.checking': 'Vérification…',
    'imports.progress': '{done, number} lignes sur {total, number}',
    'imports.dryRun': 'Ce que l’import ferait',
    'imports.summary':
      '{rows, plural, one {# ligne} other {# lignes}} : {new, plural, one {# nouvelle} other {# nouvelles}}, {repeat, plural, one {# déjà enregistrée} other {# déjà enregistrées}}, {refused, plural, one {# refusée} other {# refusées}}',
    'imports.line': 'Ligne',
    'imports.id': 'Identifiant',
    'imports.outcome': 'Résultat',
    'imports.reason': 'Motif du refus',
    'imports.outcome.value':
      '{outcome, select, new {{dryRun, select, true {Nouvelle} other {Écrite}}} repeat {Déjà enregistrée} refused {Refusée} other {{outcome}}}',
    'imports.event': '(événement {position})',
    'imports.confirm': '{count, plural, one {Importer la ligne nouvelle} other {Importer les # lignes nouvelles}}',
    'imports.nothingToWrite': 'Aucune ligne nouvelle : l’import n’écrirait rien.',
    'imports.result': 'Résultat de l’import',
    'imports.done':
      '{new, plural, =0 {Aucune ligne écrite} one {# ligne écrite} other {# lignes écrites}}, {refused, plural, =0 {aucune refusée} one {# refusée} other {# refusées}}.',
    'imports.events': 'Les événements de l’import',
    'imports.recent': 'Imports récents',
    'imports.recent.none': 'Aucun import pour le moment.',
    'imports.recordedAt': 'Importé le',
    'imports.counts': 'Lignes',
  },
  {
    'imports.nav': 'Importeren',
    'imports.title': 'Een rekenblad importeren',
    'imports.intro':
      'Elke regel volgt dezelfde regels als een invoer één voor één. Controleer eerst: niets wordt geschreven voor uw bevestiging, en een bestand dat twee keer geïmporteerd wordt, schrijft niets meer.',
    'imports.kind': 'Inhoud van het bestand',
    'imports.kind.value':
      '{kind, select, participants {Deelnemers} sessions {Sessies} attendances {Aanwezigheden} stages {Stages} outreach {Contacten} outcomes {Resultaten} other {{kind}}}',
    'imports.templates': 'Lege sjablonen:',
    'imports.template': '{format}',
    'imports.file': 'Bestand (CSV of XLSX)',
    'imports.file.missing': 'Kies een bestand.',
    'imports.check': 'Controleren zonder te schrijven',
    'imports.checking': 'Bezig met controleren…',
    'imports.progress': '{done, number} van {total, number} rijen',
    'imports.dryRun': 'Wat de import zou doen',
    'imports.summary':
      '{rows, plural, one {# regel} other {# regels}}: {new, plural, one {# nieuw} other {# nieuw}}, {repeat, plural, one {# al geregistreerd} other {# al geregistreerd}}, {refused, plural, one {# geweigerd} other {# geweigerd}}',
    'imports.line': 'Regel',
    'imports.id': 'Id',
    'imports.outcome': 'Resultaat',
    'imports.reason': 'Reden van weigering',
    'imports.outcome.value':
      '{outcome, select, new {{dryRun, select, true {Nieuw} other {Geschreven}}} repeat {Al geregistreerd} refused {Geweigerd} other {{outcome}}}',
    'imports.event': '(gebeurtenis {position})',
    'imports.confirm': '{count, plural, one {De nieuwe regel importeren} other {De # nieuwe regels importeren}}',
    'imports.nothingToWrite': 'Geen nieuwe regels: de import zou niets schrijven.',
    'imports.result': 'Resultaat van de import',
    'imports.done':
      '{new, plural, =0 {Geen regel geschreven} one {# regel geschreven} other {# regels geschreven}}, {refused, plural, =0 {geen geweigerd} one {# geweigerd} other {# geweigerd}}.',
    'imports.events': 'De gebeurtenissen van de import',
    'imports.recent': 'Recente imports',
    'imports.recent.none': 'Nog geen imports.',
    'imports.recordedAt': 'Geïmporteerd op',
    'imports.counts': 'Regels',
  },
);
