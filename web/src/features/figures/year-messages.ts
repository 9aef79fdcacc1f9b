import { catalogue } from '../../i18n/catalogue';

export const figuresMessages = catalogue(
  {
    'figures.nav': 'Suivi de l’année',
    'figures.nav.history': 'Historique',
    'figures.dashboard.title': 'Suivi de l’année {year}',
    'figures.dashboard.intro':
      'Les chiffres de l’année à côté de ceux de l’année précédente. Chaque nombre mène aux événements qui le composent.',
    'figures.year': 'Année',
    'figures.scope': 'Périmètre',
    'figures.scope.programme': 'Tout le dispositif',
    'figures.scope.mde': 'MDE {name}',
    'figures.show': 'Afficher',
    'figures.column.figure': 'Chiffre',
    'figures.column.year': '{year}',
    'figures.column.difference': 'Écart',
    'figures.column.share': 'Part {year}',
    'figures.projects': 'Projets',
    'figures.shares': 'Parts des projets approuvés',
    'figures.shares.byCarrier': 'Par type de porteur',
    'figures.shares.byAudience': 'Par public',
    'figures.shares.intro': 'Part des {count, plural, one {# projet approuvé} other {# projets approuvés}} en {year}.',
    'figures.shares.none': 'Aucun projet approuvé pour cette année.',
    'figures.share': '{share, number}\u00a0%',
    'figures.activity': 'Activité',
    'figures.byMde': 'Par MDE',
    'figures.byMde.mde': 'MDE',
    'figures.behind': 'Projets les plus en retard sur leurs objectifs',
    'figures.behind.intro': 'Les projets approuvés qui ont fixé des objectifs, du plus éloigné au plus proche.',
    'figures.behind.none': 'Aucun projet approuvé de cette année n’a fixé d’objectif.',
    'figures.behind.project': 'Projet',
    'figures.behind.progress': 'Avancement',
    'figures.behind.percent': '{percent, number}\u00a0% de l’objectif le moins atteint',
    'figures.chart.activity': 'Activité {year} et {previous}',
    'figures.chart.carriers': 'Projets approuvés par type de porteur, {year} et {previous}',
    'figures.chart.summary': 'Graphique ; les mêmes chiffres sont dans le tableau ci-dessus.',
    'figures.empty': 'Aucun chiffre pour ce périmètre et cette année.',
    'figures.noData': '—',
    'figures.difference': '{delta, number, ::sign-always}',
    'figures.name': `{name, select,
      sessions {Séances}
      sessionsByKind {Séances par type}
      participants {Participants}
      attendances {Présences}
      participantsByRole {Participants par rôle}
      notRegisteredJobSeekers {Participants non inscrits comme CE}
      stages {Stages en entreprise}
      stageSectors {Secteurs des stages}
      stageCompanies {Entreprises des stages}
      outreach {Personnes et entreprises contactées}
      outcomes {Résultats}
      targetsPartners {Intègrent des actions pour les partenaires MDE}
      submitted {Projets introduits}
      approved {Projets approuvés}
      rejected {Projets refusés}
      other {{name}}}`,
    'figures.value': `{value, select,
      workshop {atelier}
      information_session {séance d’information}
      event {événement}
      outreach_stand {stand}
      coaching {accompagnement}
      training {formation}
      job_seeker {chercheur d’emploi}
      citizen {citoyen}
      employer {employeur}
      independent {indépendant}
      partner_staff {personnel partenaire}
      volunteer {bénévole}
      mentor {parrain ou marraine}
      people {personnes}
      job_seekers {chercheurs d’emploi}
      companies {entreprises}
      employers {employeurs}
      hired {engagés}
      training_completed {formations terminées}
      professional_project_defined {projets professionnels définis}
      training_started {formations entamées}
      commune {administration communale}
      cpas {CPAS}
      mission_locale {mission locale}
      ale {ALE}
      actiris {Actiris}
      association {association}
      all_job_seekers {tous les chercheurs d’emploi}
      specific {public spécifique}
      local {projet local}
      thematic {projet thématique}
      other_value {autre}
      other {{raw}}}`,
    'figures.part': '{figure} — {part}',
    'figures.provenance.title': 'Provenance : {figure}',
    'figures.provenance.scope': 'Périmètre : {scope} · année {year}',
    'figures.provenance.value':
      'Valeur : {value, number}, faite de {total, plural, one {# événement} other {# événements}} (position {position} du registre).',
    'figures.provenance.asOf': 'Telle qu’au {at, date, medium} à {at, time, short}',
    'figures.provenance.position': 'Position',
    'figures.provenance.stream': 'Flux',
    'figures.provenance.type': 'Événement',
    'figures.provenance.recordedAt': 'Enregistré le',
    'figures.provenance.actor': 'Par',
    'figures.provenance.counts': 'Compte',
    'figures.provenance.item': 'Élément compté',
    'figures.provenance.more': 'Événements suivants',
    'figures.provenance.shown': '{shown, number} sur {total, number} événements affichés',
    'figures.provenance.back': 'Retour au suivi de l’année',
    'figures.scope.project': 'Projet {id}',
    'figures.history.title': 'Les chiffres à une date',
    'figures.history.intro':
      'Les chiffres tels qu’ils étaient à la date et l’heure choisies (les événements enregistrés jusque-là), à côté de ceux d’aujourd’hui.',
    'figures.history.asOf': 'Tels qu’au (date et heure)',
    'figures.history.project': 'Projet (identifiant, facultatif)',
    'figures.history.then': 'Au {at, date, short} {at, time, short}',
    'figures.history.now': 'Aujourd’hui',
    'figures.history.changed':
      '{count, plural, =0 {Aucun chiffre n’a changé depuis.} one {# chiffre a changé depuis.} other {# chiffres ont changé depuis.}}',
    'figures.history.onlyChanged': 'Seulement les chiffres qui ont changé',
    'figures.history.pick': 'Choisissez une date et une heure.',
  },
  {
    'figures.nav': 'Jaaropvolging',
    'figures.nav.history': 'Geschiedenis',
    'figures.dashboard.title': 'Opvolging van het jaar {year}',
    'figures.dashboard.intro':
      'De cijfers van het jaar naast die van het vorige jaar. Elk getal leidt naar de gebeurtenissen waaruit het bestaat.',
    'figures.year': 'Jaar',
    'figures.scope': 'Bereik',
    'figures.scope.programme': 'Het hele programma',
    'figures.scope.mde': 'MDE {name}',
    'figures.show': 'Tonen',
    'figures.column.figure': 'Cijfer',
    'figures.column.year': '{year}',
    'figures.column.difference': 'Verschil',
    'figures.column.share': 'Aandeel {year}',
    'figures.projects': 'Projecten',
    'figures.shares': 'Aandelen van de goedgekeurde projecten',
    'figures.shares.byCarrier': 'Per soort drager',
    'figures.shares.byAudience': 'Per doelgroep',
    'figures.shares.intro':
      'Aandeel van de {count, plural, one {# goedgekeurd project} other {# goedgekeurde projecten}} in {year}.',
    'figures.shares.none': 'Geen goedgekeurd project voor dit jaar.',
    'figures.share': '{share, number}\u00a0%',
    'figures.activity': 'Activiteit',
    'figures.byMde': 'Per MDE',
    'figures.byMde.mde': 'MDE',
    'figures.behind': 'Projecten die het verst achter hun doelen liggen',
    'figures.behind.intro': 'De goedgekeurde projecten met doelen, van het verst tot het dichtst bij.',
    'figures.behind.none': 'Geen enkel goedgekeurd project van dit jaar heeft doelen vastgelegd.',
    'figures.behind.project': 'Project',
    'figures.behind.progress': 'Voortgang',
    'figures.behind.percent': '{percent, number}\u00a0% van het minst bereikte doel',
    'figures.chart.activity': 'Activiteit {year} en {previous}',
    'figures.chart.carriers': 'Goedgekeurde projecten per soort drager, {year} en {previous}',
    'figures.chart.summary': 'Grafiek; dezelfde cijfers staan in de tabel hierboven.',
    'figures.empty': 'Geen cijfers voor dit bereik en dit jaar.',
    'figures.noData': '—',
    'figures.difference': '{delta, number, ::sign-always}',
    'figures.name': `{name, select,
      sessions {Sessies}
      sessionsByKind {Sessies per soort}
      participants {Deelnemers}
      attendances {Aanwezigheden}
      participantsByRole {Deelnemers per rol}
      notRegisteredJobSeekers {Deelnemers niet ingeschreven als werkzoekende}
      stages {Bedrijfsstages}
      stageSectors {Sectoren van de stages}
      stageCompanies {Bedrijven van de stages}
      outreach {Gecontacteerde personen en bedrijven}
      outcomes {Resultaten}
      targetsPartners {Met acties voor de MDE-partners}
      submitted {Ingediende projecten}
      approved {Goedgekeurde projecten}
      rejected {Geweigerde projecten}
      other {{name}}}`,
    'figures.value': `{value, select,
      workshop {workshop}
      information_session {infosessie}
      event {evenement}
      outreach_stand {stand}
      coaching {begeleiding}
      training {opleiding}
      job_seeker {werkzoekende}
      citizen {burger}
      employer {werkgever}
      independent {zelfstandige}
      partner_staff {personeel van een partner}
      volunteer {vrijwilliger}
      mentor {mentor}
      people {personen}
      job_seekers {werkzoekenden}
      companies {bedrijven}
      employers {werkgevers}
      hired {aangeworven}
      training_completed {opleidingen voltooid}
      professional_project_defined {beroepsprojecten bepaald}
      training_started {opleidingen begonnen}
      commune {gemeentebestuur}
      cpas {OCMW}
      mission_locale {mission locale}
      ale {PWA}
      actiris {Actiris}
      association {vereniging}
      all_job_seekers {alle werkzoekenden}
      specific {specifieke doelgroep}
      local {lokaal project}
      thematic {thematisch project}
      other_value {ander}
      other {{raw}}}`,
    'figures.part': '{figure} — {part}',
    'figures.provenance.title': 'Herkomst: {figure}',
    'figures.provenance.scope': 'Bereik: {scope} · jaar {year}',
    'figures.provenance.value':
      'Waarde: {value, number}, bestaande uit {total, plural, one {# gebeurtenis} other {# gebeurtenissen}} (positie {position} van het register).',
    'figures.provenance.asOf': 'Zoals op {at, date, medium} om {at, time, short}',
    'figures.provenance.position': 'Positie',
    'figures.provenance.stream': 'Stroom',
    'figures.provenance.type': 'Gebeurtenis',
    'figures.provenance.recordedAt': 'Geregistreerd op',
    'figures.provenance.actor': 'Door',
    'figures.provenance.counts': 'Telt',
    'figures.provenance.item': 'Geteld element',
    'figures.provenance.more': 'Volgende gebeurtenissen',
    'figures.provenance.shown': '{shown, number} van {total, number} gebeurtenissen getoond',
    'figures.provenance.back': 'Terug naar de jaaropvolging',
    'figures.scope.project': 'Project {id}',
    'figures.history.title': 'De cijfers op een datum',
    'figures.history.intro':
      'De cijfers zoals ze waren op de gekozen datum en het gekozen uur (de gebeurtenissen die tot dan geregistreerd waren), naast die van vandaag.',
    'figures.history.asOf': 'Zoals op (datum en uur)',
    'figures.history.project': 'Project (id, optioneel)',
    'figures.history.then': 'Op {at, date, short} {at, time, short}',
    'figures.history.now': 'Vandaag',
    'figures.history.changed':
      '{count, plural, =0 {Geen enkel cijfer is sindsdien veranderd.} one {# cijfer is sindsdien veranderd.} other {# cijfers zijn sindsdien veranderd.}}',
    'figures.history.onlyChanged': 'Alleen de gewijzigde cijfers',
    'figures.history.pick': 'Kies een datum en een uur.',
  },
);
