/**
 * Participants are pseudonymous (docs/domain.md): ids and free texts that look
 * like an e-mail address, a phone number or a Belgian national register number
 * are refused before anything is recorded.
 */
export type PersonalDataKind = 'an e-mail address' | 'a phone number' | 'a national register number';

/** Tested on one word at a time: a pattern over the whole text would be quadratic on long input. */
const EMAIL_WORD = /^[^@]+@[^@]+\.[A-Za-z]{2,}$/;
const WORD_BOUNDARY = /[\s<>()[\],;:"']+/;
/** International (+32 470 12 34 56, 0032 …) or Belgian (0470/12.34.56, 02 511 22 33) numbers. */
const PHONE = /(?:\+|\b00)\d{1,3}(?:[\s./-]?\d){7,12}\b|(?<!\d)0\d(?:[\s./]?\d){7,8}(?!\d)/;
/** YY.MM.DD-XXX.CC, or 11 digits in a row, as printed on Belgian identity cards. */
const NATIONAL_NUMBER_LAYOUT = /\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b/g;

export function personalDataIn(text: string): PersonalDataKind | null {
  if (text.includes('@') && text.split(WORD_BOUNDARY).some((word) => EMAIL_WORD.test(withoutEndPunctuation(word)))) {
    return 'an e-mail address';
  }
  for (const match of text.matchAll(NATIONAL_NUMBER_LAYOUT)) {
    if (looksLikeNationalNumber(match[0].replace(/\D/g, ''), match[0].length > 11)) return 'a national register number';
  }
  if (PHONE.test(text)) return 'a phone number';
  return null;
}

/** "jean@example.be." ends a sentence; the address is "jean@example.be". */
function withoutEndPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && '.!?'.includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}

export function personalDataMessage(field: string, kind: PersonalDataKind): string {
  return `${field} looks like ${kind}: participants must be pseudonymous; record no name, e-mail, phone or national number`;
}

/**
 * Eleven digits whose first six are a birth date (month 00-12, or +20/+40 for
 * "bis" numbers) and, unless written with the card's separators, whose last two
 * are the mod-97 check of the first nine (born before or after 2000).
 */
function looksLikeNationalNumber(digits: string, withSeparators: boolean): boolean {
  if (digits.length !== 11) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month > 12 || day > 31) return false;
  if (withSeparators) return true;
  const check = Number(digits.slice(9));
  const base = BigInt(digits.slice(0, 9));
  return 97 - Number(base % 97n) === check || 97 - Number((2_000_000_000n + base) % 97n) === check;
}
