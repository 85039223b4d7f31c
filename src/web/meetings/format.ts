/**
 * Dates and times of meetings in words. The API gives each meeting's local
 * date and clock times (`localDate`, `localStart`, `localEnd` in the
 * deployment's time zone), so nothing here converts time zones: a meeting at
 * 13:00 in Stockholm reads 13.00 on every screen.
 */
import type { Language } from '../i18n/index.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "13:00" → "13.00" in Swedish (the Swedish way of writing the time), "13:00" in English. */
export function clock(hhmm: string, language: Language): string {
  return language === 'sv' ? hhmm.replace(':', '.') : hhmm;
}

/** "13.00–15.00" */
export function timeSpan(start: string, end: string, language: Language): string {
  return `${clock(start, language)}–${clock(end, language)}`;
}

function utcNoon(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** ISO weekday (1 = Monday … 7 = Sunday) in words: "tisdag" / "Tuesday". */
export function weekdayName(isoWeekday: number, language: Language): string {
  // 2024-01-01 was a Monday.
  const day = utcNoon(`2024-01-0${Math.min(Math.max(isoWeekday, 1), 7)}`);
  return new Intl.DateTimeFormat(locales[language], { weekday: 'long', timeZone: 'UTC' }).format(day);
}

/** "tisdag 14 januari" / "Tuesday 14 January" – with the year when it is not this year's. */
export function meetingDay(localDate: string, language: Language, today: string): string {
  const sameYear = localDate.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(utcNoon(localDate));
}

/** The ISO weekday of a date ("YYYY-MM-DD"). */
export function isoWeekdayOf(isoDate: string): number {
  const day = utcNoon(isoDate).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(isoDate: string, days: number): string {
  const date = utcNoon(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Sunday that ends the (Monday-first) week of `isoDate`. */
export function endOfWeek(isoDate: string): string {
  return addDays(isoDate, 7 - isoWeekdayOf(isoDate));
}

/**
 * Which sentence describes a cadence: every week, every other week, or every
 * n weeks – the words come from the translations (meetings.cadence.*).
 */
export function cadenceKey(everyWeeks: number): 'weekly' | 'fortnightly' | 'everyN' {
  return everyWeeks === 1 ? 'weekly' : everyWeeks === 2 ? 'fortnightly' : 'everyN';
}

/** Splits a list of meetings (sorted by start) into this week (up to Sunday) and later. */
export function splitByWeek<T extends { localDate: string }>(items: readonly T[], today: string): { thisWeek: T[]; later: T[] } {
  const sunday = endOfWeek(today);
  return {
    thisWeek: items.filter((m) => m.localDate <= sunday),
    later: items.filter((m) => m.localDate > sunday),
  };
}
