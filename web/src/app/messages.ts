import { catalogue } from '../i18n/catalogue';

export const appMessages = catalogue(
  {
    'app.name': 'Indicateurs de la coordination locale',
    'app.skipToContent': 'Aller au contenu',
    'app.nav': 'Navigation principale',
    'app.nav.home': 'Accueil',
    'app.language': 'Langue',
    'app.loading': 'Chargement…',
    'app.unreachable': 'Le service ne répond pas. Vérifiez la connexion puis réessayez.',
    'app.retry': 'Réessayer',
    'app.home.title': 'Bienvenue',
    'app.home.intro': 'Suivez l’activité des projets et les chiffres de l’année.',
    'app.notFound.title': 'Page introuvable',
    'app.notFound.text': 'Cette adresse ne correspond à aucune page.',
    'app.notFound.home': 'Retour à l’accueil',
  },
  {
    'app.name': 'Indicatoren van de lokale coördinatie',
    'app.skipToContent': 'Naar de inhoud',
    'app.nav': 'Hoofdnavigatie',
    'app.nav.home': 'Start',
    'app.language': 'Taal',
    'app.loading': 'Laden…',
    'app.unreachable': 'De dienst antwoordt niet. Controleer de verbinding en probeer opnieuw.',
    'app.retry': 'Opnieuw proberen',
    'app.home.title': 'Welkom',
    'app.home.intro': 'Volg de activiteit van de projecten en de cijfers van het jaar.',
    'app.notFound.title': 'Pagina niet gevonden',
    'app.notFound.text': 'Dit adres komt met geen enkele pagina overeen.',
    'app.notFound.home': 'Terug naar start',
  },
);
