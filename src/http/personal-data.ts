import { findPhoneNumbersInText } from 'libphonenumber-js/max';

/**
 * Participants are pseudonymous (docs/domain.md): ids and free texts that hold
 * an e-mail address, a phone number or a Belgian national register number are
 * refused before anything is recorded. Ordinary report text (lists of counts,
 * dates, percentages, years, postal codes) must get through: a number is
 * refused only when it is one, not when it merely has enough digits.
 */
export type PersonalDataKind = 'an e-mail address' | 'a phone number' | 'a national register number';

/** Tested on one word at a time: a pattern over the whole text would be quadratic on long input. */
const EMAIL_WORD = /^[^@]+@[^@]+\.[A-Za-z]{2,}$/;
const WORD_BOUNDARY = /[\s<>()[\],;:"']+/;
/** YY.MM.DD-XXX.CC as printed on Belgian identity cards, with or without (any) separators. */
/**
 * libphonenumber-js (Google's libphonenumber metadata) finds numbers valid in
 * Belgium, or anywhere with + or 00; it also reads "1210-2022" (an id's postal
 * code and year) as a Tongeren number without its trunk 0, which nobody
 * writes: a number must start as it is dialled, with +, 00 or 0.
 */
const DIALLED = /^[+0]/;
/**
 * The fewest digits a dialled number can have: a calling code and the shortest
 * national number of libphonenumber's metadata (Austria: +43 and 4 digits).
 * Text with fewer digits holds no phone number, and skips the search (70 µs an
 * id, most of an imported row's validation).
 */
const FEWEST_PHONE_DIGITS = 6;
const DIGIT = /\p{Nd}/gu;
const NATIONAL_NUMBER_LAYOUT = /(?<!\d)\d{2}[./\s-]?\d{2}[./\s-]?\d{2}[./\s-]?\d{3}[./\s-]?\d{2}(?!\d)/g;

export function personalDataIn(text: string): PersonalDataKind | null {
  // Full-width and other compatibility forms (`＠`, `０４７０`) read as what they look like.
  const normalised = text.normalize('NFKC');
  if (
    normalised.includes('@') &&
    normalised.split(WORD_BOUNDARY).some((word) => EMAIL_WORD.test(withoutEndPunctuation(word)))
  ) {
    return 'an e-mail address';
  }
  for (const match of normalised.matchAll(NATIONAL_NUMBER_LAYOUT)) {
    if (isNationalNumber(match[0].replace(/\D/g, ''))) return 'a national register number';
  }
  if ((normalised.match(DIGIT)?.length ?? 0) < FEWEST_PHONE_DIGITS) return null;
  if (findPhoneNumbersInText(normalised, 'BE').some(({ startsAt }) => DIALLED.test(normalised.slice(startsAt)))) {
    return 'a phone number';
  }
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
 * Eleven digits whose first six can be a birth date (month 00-12, or +20/+40
 * for "bis" numbers; 00 when unknown) and whose last two are the mod-97 check
 * of the first nine: 97 - (n mod 97), or of 2n (a "2" before them) for people
 * born from 2000.
 */
function isNationalNumber(digits: string): boolean {
  if (digits.length !== 11) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month > 12 || day > 31) return false;
  const check = Number(digits.slice(9));
  const base = BigInt(digits.slice(0, 9));
  return 97 - Number(base % 97n) === check || 97 - Number((2_000_000_000n + base) % 97n) === check;
}
