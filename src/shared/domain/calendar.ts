import { RuleViolationError } from './errors.js';

/** Business dates are `YYYY-MM-DD` strings; they compare correctly as strings. */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * ISO 8601 with a time and an explicit zone (an auditor's "as of" must not
 * depend on the server's zone), every part in its range: the date a real
 * calendar date, 00:00 to 23:59:59, a zone from -23:59 to +23:59. JavaScript's
 * Date reads 2023-02-30 as 2 March and 24:00 as the next day; this does not.
 */
const TIMESTAMP_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export function isTimestamp(value: string): boolean {
  const match = TIMESTAMP_PATTERN.exec(value);
  return match !== null && isCalendarDate(match[1]!) && !Number.isNaN(Date.parse(value));
}

/** The year a business date belongs to; figures are counted in that year. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** A business date must be a real calendar date, not after today. */
export function requirePastDate(date: string, today: string, what: string): void {
  if (!isCalendarDate(date)) throw new RuleViolationError(`${date} is not a calendar date`);
  if (date > today) throw new RuleViolationError(`${what} cannot be dated in the future (${date}; today is ${today})`);
}
