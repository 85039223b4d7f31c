import { describe, expect, it } from 'vitest';
import { addYears, ageInYears } from './age.ts';

describe('ageInYears', () => {
  it('turns a year older on the birthday, not the day before', () => {
    expect(ageInYears('2010-06-15', '2028-06-14')).toBe(17);
    expect(ageInYears('2010-06-15', '2028-06-15')).toBe(18);
    expect(ageInYears('2010-06-15', '2028-06-16')).toBe(18);
  });

  it('is zero from the day of birth to the day before the first birthday', () => {
    expect(ageInYears('2024-05-01', '2024-05-01')).toBe(0);
    expect(ageInYears('2024-05-01', '2025-04-30')).toBe(0);
    expect(ageInYears('2024-05-01', '2025-05-01')).toBe(1);
  });

  it('lets a child born on 29 February turn older on 28 February in common years', () => {
    expect(ageInYears('2008-02-29', '2009-02-27')).toBe(0);
    expect(ageInYears('2008-02-29', '2009-02-28')).toBe(1);
    expect(ageInYears('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(18);
    // In a leap year the birthday is the 29th itself.
    expect(ageInYears('2008-02-29', '2012-02-28')).toBe(3);
    expect(ageInYears('2008-02-29', '2012-02-29')).toBe(4);
  });

  it('handles birthdays late in the year across the new year', () => {
    expect(ageInYears('2010-12-31', '2011-12-30')).toBe(0);
    expect(ageInYears('2010-12-31', '2011-12-31')).toBe(1);
    expect(ageInYears('2010-12-31', '2012-01-01')).toBe(1);
  });

  it('rejects a day before birth and malformed dates', () => {
    expect(() => ageInYears('2020-01-02', '2020-01-01')).toThrow(RangeError);
    expect(() => ageInYears('2020-02-30', '2021-01-01')).toThrow(RangeError);
    expect(() => ageInYears('2020-01-01', '20210101')).toThrow(RangeError);
  });
});

describe('addYears', () => {
  it('keeps month and day', () => {
    expect(addYears('2010-06-15', 18)).toBe('2028-06-15');
    expect(addYears('2010-06-15', -10)).toBe('2000-06-15');
    expect(addYears('2010-06-15', 0)).toBe('2010-06-15');
  });

  it('moves 29 February to 28 February in common years only', () => {
    expect(addYears('2008-02-29', 1)).toBe('2009-02-28');
    expect(addYears('2008-02-29', 4)).toBe('2012-02-29');
    expect(addYears('2008-02-29', 18)).toBe('2026-02-28');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
  });

  it('agrees with ageInYears on every birthday', () => {
    for (const birth of ['2008-02-29', '2010-01-01', '2011-12-31', '2012-07-19']) {
      for (let n = 0; n <= 20; n += 1) {
        const birthday = addYears(birth, n);
        expect(ageInYears(birth, birthday), `${birth} +${n}`).toBe(n);
        if (n > 0) {
          const dayBefore = new Date(`${birthday}T00:00:00Z`);
          dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
          expect(ageInYears(birth, dayBefore.toISOString().slice(0, 10)), `${birth} +${n} -1d`).toBe(n - 1);
        }
      }
    }
  });

  it('refuses fractional years', () => {
    expect(() => addYears('2010-01-01', 1.5)).toThrow(RangeError);
  });
});
