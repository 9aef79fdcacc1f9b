import { catalogue } from '../../i18n/catalogue';

export const mdesMessages = catalogue(
  {
    'mdes.nav': 'MDE',
    'mdes.title': 'Registre des MDE',
    'mdes.register': 'Enregistrer ou renommer une MDE',
    'mdes.register.intro':
      'Un identifiant déjà enregistré renomme la MDE ; les projets et les jetons la désignent par cet identifiant.',
    'mdes.id': 'Identifiant',
    'mdes.fr': 'Nom en français',
    'mdes.nl': 'Nom en néerlandais',
    'mdes.missing': 'Ce champ est requis.',
    'mdes.register.submit': 'Enregistrer la MDE',
    'mdes.rename.submit': 'Renommer la MDE',
    'mdes.saved': 'Enregistré.',
    'mdes.list': 'MDE enregistrées',
    'mdes.caption': '{count, plural, =0 {Aucune MDE} one {# MDE} other {# MDE}}',
    'mdes.registered': 'Enregistrée',
    'mdes.actions': 'Actions',
    'mdes.rename': 'Renommer {id}',
  },
  {
    'mdes.nav': 'MDE’s',
    'mdes.title': 'Register van de MDE’s',
    'mdes.register': 'Een MDE registreren of hernoemen',
    'mdes.register.intro':
      'Een reeds geregistreerde id hernoemt de MDE; projecten en tokens verwijzen ernaar met deze id.',
    'mdes.id': 'Id',
    'mdes.fr': 'Naam in het Frans',
    'mdes.nl': 'Naam in het Nederlands',
    'mdes.missing': 'Dit veld is verplicht.',
    'mdes.register.submit': 'De MDE registreren',
    'mdes.rename.submit': 'De MDE hernoemen',
    'mdes.saved': 'Geregistreerd.',
    'mdes.list': 'Geregistreerde MDE’s',
    'mdes.caption': '{count, plural, =0 {Geen MDE} one {# MDE} other {# MDE’s}}',
    'mdes.registered': 'Geregistreerd',
    'mdes.actions': 'Acties',
    'mdes.rename': '{id} hernoemen',
  },
);
