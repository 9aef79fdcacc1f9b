import { catalogue } from '../../i18n/catalogue';

export const entriesMessages = catalogue(
  {
    'entries.title': '{title} : stages, sensibilisation et résultats ({year})',
    'entries.stages': 'Stages ({count})',
    'entries.outreach': 'Sensibilisation ({count})',
    'entries.outcomes': 'Résultats ({count})',
    'entries.stage.title': 'Enregistrer un stage',
    'entries.outcome.title': 'Enregistrer un résultat',
    'entries.outreach.title': 'Enregistrer une action de sensibilisation',
    'entries.participantId': 'Identifiant du participant',
    'entries.startDate': 'Premier jour',
    'entries.sector': 'Secteur',
    'entries.companyId': 'Identifiant de l’entreprise',
    'entries.id': 'Identifiant de l’enregistrement',
    'entries.date': 'Date',
    'entries.outcomeType': 'Résultat',
    'entries.outcomeType.value':
      '{type, select, hired {Engagé} training_completed {Formation terminée} professional_project_defined {Projet professionnel défini} training_started {Formation commencée} other {Autre}}',
    'entries.audience': 'Public touché',
    'entries.audience.value':
      '{audience, select, people {Personnes} job_seekers {Chercheurs d’emploi} companies {Entreprises} employers {Employeurs} other {{audience}}}',
    'entries.count': 'Nombre de personnes ou d’entreprises',
    'entries.save': 'Enregistrer',
    'entries.saved':
      '{outcome, select, new {Enregistré.} repeat {Déjà enregistré : rien de nouveau.} queued {Pas de réseau : gardé et envoyé dès son retour.} other {{outcome}}}',
  },
  {
    'entries.title': '{title}: stages, sensibilisering en resultaten ({year})',
    'entries.stages': 'Stages ({count})',
    'entries.outreach': 'Sensibilisering ({count})',
    'entries.outcomes': 'Resultaten ({count})',
    'entries.stage.title': 'Een stage registreren',
    'entries.outcome.title': 'Een resultaat registreren',
    'entries.outreach.title': 'Een sensibiliseringsactie registreren',
    'entries.participantId': 'Id van de deelnemer',
    'entries.startDate': 'Eerste dag',
    'entries.sector': 'Sector',
    'entries.companyId': 'Id van het bedrijf',
    'entries.id': 'Id van de registratie',
    'entries.date': 'Datum',
    'entries.outcomeType': 'Resultaat',
    'entries.outcomeType.value':
      '{type, select, hired {Aangeworven} training_completed {Opleiding voltooid} professional_project_defined {Beroepsproject bepaald} training_started {Opleiding begonnen} other {Andere}}',
    'entries.audience': 'Bereikt publiek',
    'entries.audience.value':
      '{audience, select, people {Personen} job_seekers {Werkzoekenden} companies {Bedrijven} employers {Werkgevers} other {{audience}}}',
    'entries.count': 'Aantal personen of bedrijven',
    'entries.save': 'Registreren',
    'entries.saved':
      '{outcome, select, new {Geregistreerd.} repeat {Al geregistreerd: niets nieuws.} queued {Geen netwerk: bewaard en verzonden zodra het terug is.} other {{outcome}}}',
  },
);
