import { personalDataIn } from '../../src/http/personal-data.js';

describe('personal data detection', () => {
  it.each([
    ['marie.dupont@example.be', 'an e-mail address'],
    ['contact: jean@mde-forest.brussels', 'an e-mail address'],
    ['0470 12 34 56', 'a phone number'],
    ['0470/12.34.56', 'a phone number'],
    ['p-0471234567', 'a phone number'],
    ['Appeler le 02 511 22 33', 'a phone number'],
    ['+32 470 12 34 56', 'a phone number'],
    ['0032470123456', 'a phone number'],
    ['85.07.30-033.28', 'a national register number'],
    ['85073003328', 'a national register number'], // valid check digits, born before 2000
    ['01022300152', 'a national register number'], // valid check digits, born after 2000
  ])('finds %s', (text, kind) => {
    expect(personalDataIn(text)).toBe(kind);
  });

  it.each([
    'p-7f3a',
    'dm-js-122',
    'digimobile-2022',
    'Séance du 2022-07-18 à 14:30',
    '19 dates, 252 participants',
    'Budget 12000.50 euros, 31 stages dans 16 secteurs',
    'duo-dynamique-2022-stage-031',
    '12345678901', // eleven digits that are no national number (check digits wrong)
    'Rue de la Loi 16, 1000 Bruxelles',
    'du 2022-01-05 au 2022-02-07, 12 séances',
  ])('lets %s through', (text) => {
    expect(personalDataIn(text)).toBeNull();
  });
});
