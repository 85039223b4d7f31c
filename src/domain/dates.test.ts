import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, daysBetween, daysInMonth, isIsoDate, isLeapYear, parseIsoDate, swedishDate } from './dates.ts';

describe('calendar dates', () => {
  it('knows the Gregorian leap years', () => {
    expect([2000, 2004, 2024, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([1900, 2023, 2100, 2025].map(isLeapYear)).toEqual([false, false, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate('2023-01-01T00:00')).toBe(false);
    expect(() => parseIsoDate('2023-02-30')).toThrow(RangeError);
  });

  it('counts days across months, leap days and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2021-01-01', '2020-01-01')).toBe(-366);
    // Daylight-saving changes must not bend whole days.
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('reads the calendar date in Sweden, not in UTC', () => {
    expect(swedishDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(swedishDate(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
    expect(swedishDate(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
  });
});

describe('dateInZone', () => {
  it('gives the local calendar date of an instant, per time zone', () => {
    const lateEvening = new Date('2026-06-14T22:30:00Z');
    expect(dateInZone(lateEvening, 'Europe/Stockholm')).toBe('2026-06-15');
    expect(dateInZone(lateEvening, 'Europe/London')).toBe('2026-06-14');
    expect(dateInZone(lateEvening, 'Europe/Stockholm')).toBe('2026-06-15'); // the cached formatter answers the same
    expect(swedishDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
