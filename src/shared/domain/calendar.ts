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

/** The year a business date belongs to; figures are counted in that year. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** A business date must be a real calendar date, not after today. */
export function requirePastDate(date: string, today: string, what: string): void {
  if (!isCalendarDate(date)) throw new RuleViolationError(`${date} is not a calendar date`);
  if (date > today) throw new RuleViolationError(`${what} cannot be dated in the future (${date}; today is ${today})`);
}
