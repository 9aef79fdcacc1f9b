import { catalogue } from '../i18n/catalogue';

export const appMessages = catalogue(
  {
    'app.name': 'Indicateurs de la coordination locale',
    'app.skipToContent': 'Aller au contenu',
    'app.nav': 'Navigation principale',
    'app.language': 'Langue',
    'app.loading': 'Chargement…',
    'app.unreachable': 'Le service ne répond pas. Vérifiez la connexion puis réessayez.',
    'app.retry': 'Réessayer',
    'app.notFound.title': 'Page introuvable',
    'app.notFound.text': 'Cette adresse ne correspond à aucune page.',
    'app.notFound.home': 'Retour à l’accueil',
    'app.nav.projects': 'Projets',
    'app.nav.outbox': 'Envois en attente',
    'app.error.forbidden':
      'Vous n’avez pas accès à cette page : elle concerne une MDE qui ne fait pas partie de votre accès.',
    'app.error.notFound': 'Introuvable : rien n’est enregistré sous cet identifiant.',
    'app.error.other': 'Le service a refusé : {detail}',
  },
  {
    'app.name': 'Indicatoren van de lokale coördinatie',
    'app.skipToContent': 'Naar de inhoud',
    'app.nav': 'Hoofdnavigatie',
    'app.language': 'Taal',
    'app.loading': 'Laden…',
    'app.unreachable': 'De dienst antwoordt niet. Controleer de verbinding en probeer opnieuw.',
    'app.retry': 'Opnieuw proberen',
    'app.notFound.title': 'Pagina niet gevonden',
    'app.notFound.text': 'Dit adres komt met geen enkele pagina overeen.',
    'app.notFound.home': 'Terug naar start',
    'app.nav.projects': 'Projecten',
    'app.nav.outbox': 'Wachtende verzendingen',
    'app.error.forbidden': 'U hebt geen toegang tot deze pagina: ze betreft een MDE die niet tot uw toegang behoort.',
    'app.error.notFound': 'Niet gevonden: onder deze id is niets geregistreerd.',
    'app.error.other': 'De dienst weigerde: {detail}',
  },
);
