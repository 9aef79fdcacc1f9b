import { catalogue } from '../../i18n/catalogue';

export const sessionMessages = catalogue(
  {
    'session.signIn.title': 'Connexion',
    'session.signIn.intro':
      'Collez le jeton reçu de la coordination. Il est échangé une seule fois contre une session de ce navigateur et n’est pas conservé.',
    'session.signIn.token': 'Jeton d’accès',
    'session.signIn.submit': 'Se connecter',
    'session.signIn.pending': 'Connexion…',
    'session.signIn.refused': 'Ce jeton n’est pas reconnu, ou il a été révoqué.',
    'session.signIn.empty': 'Collez votre jeton.',
    'session.signOut': 'Se déconnecter',
    'session.who': 'Connecté : {label}',
    'session.role': '{role, select, coordinator {Coordination} partner {Partenaire} auditor {Audit} other {{role}}}',
    'session.mdes': '{count, plural, =0 {Aucune MDE} one {MDE : {list}} other {MDE ({count}) : {list}}}',
    'session.allMdes': 'Toutes les MDE',
    'session.expires': 'Session valable jusqu’au {at, date, medium} à {at, time, short}',
  },
  {
    'session.signIn.title': 'Aanmelden',
    'session.signIn.intro':
      'Plak het token dat u van de coördinatie kreeg. Het wordt één keer ingewisseld voor een sessie in deze browser en niet bewaard.',
    'session.signIn.token': 'Toegangstoken',
    'session.signIn.submit': 'Aanmelden',
    'session.signIn.pending': 'Bezig met aanmelden…',
    'session.signIn.refused': 'Dit token is onbekend of ingetrokken.',
    'session.signIn.empty': 'Plak uw token.',
    'session.signOut': 'Afmelden',
    'session.who': 'Aangemeld: {label}',
    'session.role': '{role, select, coordinator {Coördinatie} partner {Partner} auditor {Audit} other {{role}}}',
    'session.mdes': '{count, plural, =0 {Geen MDE} one {MDE: {list}} other {MDE’s ({count}): {list}}}',
    'session.allMdes': 'Alle MDE’s',
    'session.expires': 'Sessie geldig tot {at, date, medium} om {at, time, short}',
  },
);
