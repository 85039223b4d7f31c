/**
 * Calendar dates as `YYYY-MM-DD` strings, with no time of day and no time
 * zone. Pure helpers shared by personnummer, age and named-person rules.
 */

export type CalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a well-formed `YYYY-MM-DD` string naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Splits a `YYYY-MM-DD` string; throws `RangeError` if it is not a real date. */
export function parseIsoDate(value: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (match) {
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (isValidCalendarDate(date.year, date.month, date.day)) return date;
  }
  throw new RangeError(`Not a valid date (YYYY-MM-DD): ${JSON.stringify(value)}`);
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcMs(value: string): number {
  const { year, month, day } = parseIsoDate(value);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addDays(value: string, days: number): string {
  const date = new Date(toUtcMs(value) + days * DAY_MS);
  return formatIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) in `timeZone` at the instant `now`. Formatters are built once per zone: building one costs about a millisecond. */
export function dateInZone(now: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // The sv-SE locale formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** The calendar date in Sweden (Europe/Stockholm) at the instant `now`. */
export function swedishDate(now: Date): string {
  return dateInZone(now, 'Europe/Stockholm');
}
