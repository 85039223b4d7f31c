/**
 * Ages and anniversaries of a birth date.
 *
 * Leap-day rule: a child born on 29 February has their birthday on
 * 28 February in years without 29 February. Swedish law counts a period of
 * years "to the day with the same number in the last month, or, if that month
 * has no such day, to the last day of the month" (lag (1930:173) om beräkning
 * av lagstadgad tid, 2 §), so the child turns one on 28 February and not on
 * 1 March. `addYears` and `ageInYears` both follow that rule, so they always
 * agree: `ageInYears(b, addYears(b, n)) === n`.
 */
import { daysInMonth, formatIsoDate, parseIsoDate } from './dates.ts';

/**
 * The date `n` years after `date` (before, for negative `n`); a day that does
 * not exist in the target month becomes the last day of that month.
 */
export function addYears(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Years must be a whole number, got ${n}`);
  const { year, month, day } = parseIsoDate(date);
  const targetYear = year + n;
  return formatIsoDate({ year: targetYear, month, day: Math.min(day, daysInMonth(targetYear, month)) });
}

/**
 * Completed years of life on `today`: the child turns n on `addYears(birthDate, n)`.
 * Throws `RangeError` when `today` is before `birthDate` or either is not a date.
 */
export function ageInYears(birthDate: string, today: string): number {
  const birth = parseIsoDate(birthDate);
  const now = parseIsoDate(today);
  if (today < birthDate) throw new RangeError(`${today} is before the birth date ${birthDate}`);
  const years = now.year - birth.year;
  return addYears(birthDate, years) <= today ? years : years - 1;
}
