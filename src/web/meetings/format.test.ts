import { describe, expect, it } from 'vitest';
import { addDays, cadenceKey, clock, endOfWeek, isoWeekdayOf, meetingDay, splitByWeek, timeSpan, weekdayName } from './format.ts';

describe('meeting times in words', () => {
  it('writes the time the Swedish way in Swedish and with a colon in English', () => {
    expect(clock('13:00', 'sv')).toBe('13.00');
    expect(clock('08:30', 'en')).toBe('08:30');
    expect(timeSpan('13:00', '15:00', 'sv')).toBe('13.00–15.00');
    expect(timeSpan('13:00', '15:00', 'en')).toBe('13:00–15:00');
  });

  it('names ISO weekdays and days, with the year only when it is not this year', () => {
    expect(weekdayName(2, 'sv')).toBe('tisdag');
    expect(weekdayName(2, 'en')).toBe('Tuesday');
    expect(weekdayName(7, 'sv')).toBe('söndag');
    expect(meetingDay('2030-10-15', 'sv', '2030-10-01')).toBe('tisdag 15 oktober');
    expect(meetingDay('2030-10-15', 'en', '2030-10-01')).toBe('Tuesday 15 October');
    expect(meetingDay('2031-01-07', 'sv', '2030-12-30')).toBe('tisdag 7 januari 2031');
  });

  it('knows the week: Monday first, ending on Sunday, across months and years', () => {
    expect(isoWeekdayOf('2030-10-13')).toBe(7);
    expect(isoWeekdayOf('2030-10-14')).toBe(1);
    expect(endOfWeek('2030-10-14')).toBe('2030-10-20');
    expect(endOfWeek('2030-10-20')).toBe('2030-10-20');
    expect(endOfWeek('2030-12-31')).toBe('2031-01-05');
    expect(addDays('2030-02-28', 1)).toBe('2030-03-01');
  });

  it('puts this week’s meetings first and the rest later', () => {
    const items = [{ localDate: '2030-10-16' }, { localDate: '2030-10-20' }, { localDate: '2030-10-21' }];
    expect(splitByWeek(items, '2030-10-15')).toEqual({ thisWeek: items.slice(0, 2), later: items.slice(2) });
  });

  it('chooses the sentence for the cadence', () => {
    expect(cadenceKey(1)).toBe('weekly');
    expect(cadenceKey(2)).toBe('fortnightly');
    expect(cadenceKey(4)).toBe('everyN');
  });
});
