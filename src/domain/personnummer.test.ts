import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPersonnummer,
  generatePersonnummer,
  luhnCheckDigit,
  type PersonnummerResult,
  parsePersonnummer,
  personnummerErrorMessage,
} from './personnummer.ts';

const TODAY = '2025-06-01';

function valueOf(result: PersonnummerResult) {
  if (!result.ok) throw new Error(`expected a valid number, got ${result.reason}`);
  return result.value;
}

function reasonOf(result: PersonnummerResult) {
  if (result.ok) throw new Error(`expected an invalid number, got ${result.value.normalized}`);
  return result.reason;
}

/** A ten-digit YYMMDDNNN + the right check digit, for numbers built to test one rule. */
function withCheck(nine: string): string {
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

describe('luhnCheckDigit', () => {
  it('gives the check digit of known numbers', () => {
    expect(luhnCheckDigit('811218987')).toBe(6);
    expect(luhnCheckDigit('121212121')).toBe(2);
    expect(luhnCheckDigit('701063239')).toBe(1);
    expect(luhnCheckDigit('000000000')).toBe(0);
  });

  it('rejects anything but nine digits', () => {
    expect(() => luhnCheckDigit('81121898')).toThrow(RangeError);
    expect(() => luhnCheckDigit('81121898x')).toThrow(RangeError);
  });
});

describe('parsePersonnummer', () => {
  it('accepts all written forms of the same number', () => {
    for (const input of ['19811218-9876', '198112189876', '811218-9876', '8112189876', '  811218-9876\n']) {
      expect(valueOf(parsePersonnummer(input, TODAY)), input).toEqual({
        normalized: '198112189876',
        birthDate: '1981-12-18',
        isCoordinationNumber: false,
        sex: 'male',
      });
    }
  });

  it('reads the sex from the ninth digit', () => {
    expect(valueOf(parsePersonnummer('19811218-9876', TODAY)).sex).toBe('male');
    const even = generatePersonnummer('1981-12-18', 988);
    expect(valueOf(parsePersonnummer(even, TODAY)).sex).toBe('female');
  });

  it('places a plus-sign number a century back: 121212+1212 is born 1912', () => {
    const value = valueOf(parsePersonnummer('121212+1212', TODAY));
    expect(value.birthDate).toBe('1912-12-12');
    expect(value.normalized).toBe('191212121212');
    expect(valueOf(parsePersonnummer('121212-1212', TODAY)).birthDate).toBe('2012-12-12');
    expect(valueOf(parsePersonnummer('20121212-1212', TODAY)).birthDate).toBe('2012-12-12');
  });

  it('picks the most recent century in which the person is already born', () => {
    const today = '2025-06-01';
    expect(valueOf(parsePersonnummer(withCheck('250601123'), today)).birthDate).toBe('2025-06-01');
    expect(valueOf(parsePersonnummer(withCheck('250602123'), today)).birthDate).toBe('1925-06-02');
    expect(valueOf(parsePersonnummer(withCheck('991231123'), today)).birthDate).toBe('1999-12-31');
    expect(valueOf(parsePersonnummer(withCheck('000101123'), today)).birthDate).toBe('2000-01-01');
    expect(valueOf(parsePersonnummer(withCheck('260101123'), today)).birthDate).toBe('1926-01-01');
    // The same number with `+` is a further hundred years back.
    expect(valueOf(parsePersonnummer(withCheck('250601123').replace('-', '+'), today)).birthDate).toBe('1925-06-01');
    expect(valueOf(parsePersonnummer(withCheck('250602123').replace('-', '+'), today)).birthDate).toBe('1825-06-02');
  });

  it('reads a Date as the calendar day in Sweden', () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Stockholm.
    const newYearInSweden = new Date('2024-12-31T23:30:00Z');
    expect(valueOf(parsePersonnummer(withCheck('250101123'), newYearInSweden)).birthDate).toBe('2025-01-01');
    expect(valueOf(parsePersonnummer(withCheck('250101123'), '2024-12-31')).birthDate).toBe('1925-01-01');
  });

  it('rejects a wrong check digit', () => {
    expect(reasonOf(parsePersonnummer('19811218-9875', TODAY))).toBe('checksum');
    expect(reasonOf(parsePersonnummer('811218-9877', TODAY))).toBe('checksum');
    expect(reasonOf(parsePersonnummer('121212+1213', TODAY))).toBe('checksum');
  });

  it('catches every single mistyped digit', () => {
    const valid = '8112189876';
    for (let i = 0; i < valid.length; i += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(parsePersonnummer(typo, TODAY).ok, typo).toBe(false);
      }
    }
  });

  it('accepts coordination numbers (day + 60) and keeps the day as written', () => {
    const value = valueOf(parsePersonnummer('701063-2391', TODAY));
    expect(value).toEqual({
      normalized: '197010632391',
      birthDate: '1970-10-03',
      isCoordinationNumber: true,
      sex: 'male',
    });
    expect(valueOf(parsePersonnummer(withCheck('800161123'), TODAY)).birthDate).toBe('1980-01-01');
    expect(valueOf(parsePersonnummer(withCheck('800391123'), TODAY)).birthDate).toBe('1980-03-31');
    expect(valueOf(parsePersonnummer(withCheck('800289123'), TODAY)).birthDate).toBe('1980-02-29');
  });

  it('rejects days that do not exist, also as coordination numbers', () => {
    expect(reasonOf(parsePersonnummer(withCheck('100230123'), TODAY))).toBe('date'); // 30 Feb
    expect(reasonOf(parsePersonnummer(withCheck('230229123'), TODAY))).toBe('date'); // 29 Feb 2023
    expect(reasonOf(parsePersonnummer(withCheck('100431123'), TODAY))).toBe('date'); // 31 Apr
    expect(reasonOf(parsePersonnummer(withCheck('101301123'), TODAY))).toBe('date'); // month 13
    expect(reasonOf(parsePersonnummer(withCheck('100001123'), TODAY))).toBe('date'); // month 0
    expect(reasonOf(parsePersonnummer(withCheck('100100123'), TODAY))).toBe('date'); // day 0
    expect(reasonOf(parsePersonnummer(withCheck('100132123'), TODAY))).toBe('date'); // 32 Jan
    expect(reasonOf(parsePersonnummer(withCheck('100160123'), TODAY))).toBe('date'); // day 60 = day 0
    expect(reasonOf(parsePersonnummer(withCheck('100192123'), TODAY))).toBe('date'); // 32 Jan + 60
    expect(reasonOf(parsePersonnummer(withCheck('100491123'), TODAY))).toBe('date'); // 31 Apr + 60
    expect(reasonOf(parsePersonnummer(withCheck('230289123'), TODAY))).toBe('date'); // 29 Feb 2023 + 60
  });

  it('checks 29 February against the inferred century', () => {
    expect(valueOf(parsePersonnummer(withCheck('000229123'), TODAY)).birthDate).toBe('2000-02-29');
    // With `+` the same number is 1900, which was not a leap year.
    expect(reasonOf(parsePersonnummer(withCheck('000229123').replace('-', '+'), TODAY))).toBe('date');
    expect(reasonOf(parsePersonnummer(`19000229-123${luhnCheckDigit('000229123')}`, TODAY))).toBe('date');
    expect(valueOf(parsePersonnummer(`20240229-123${luhnCheckDigit('240229123')}`, TODAY)).birthDate).toBe('2024-02-29');
  });

  it('rejects a twelve-digit number born after today', () => {
    expect(reasonOf(parsePersonnummer(generatePersonnummer('2025-06-02', 123), TODAY))).toBe('future');
    expect(reasonOf(parsePersonnummer(generatePersonnummer('2030-01-01', 123), TODAY))).toBe('future');
    expect(valueOf(parsePersonnummer(generatePersonnummer('2025-06-01', 123), TODAY)).birthDate).toBe('2025-06-01');
  });

  it('rejects malformed input', () => {
    for (const input of [
      '',
      'abc',
      '811218-987',
      '811218-98765',
      '19811218987',
      '19811218+9876',
      '1981-12-18-9876',
      '811218 9876',
      '811218--9876',
      '19811218_9876',
      '١٩٨١١٢١٨٩٨٧٦',
    ]) {
      expect(reasonOf(parsePersonnummer(input, TODAY)), input).toBe('format');
    }
  });
});

describe('formatPersonnummer', () => {
  it('writes YYYYMMDD-NNNN', () => {
    expect(formatPersonnummer('198112189876')).toBe('19811218-9876');
    expect(() => formatPersonnummer('8112189876')).toThrow(RangeError);
  });
});

describe('generatePersonnummer', () => {
  it('builds known numbers', () => {
    expect(generatePersonnummer('1981-12-18', 987)).toBe('198112189876');
    expect(generatePersonnummer('1970-10-03', 239, { coordination: true })).toBe('197010632391');
    expect(generatePersonnummer('2012-12-12', 121)).toBe('201212121212');
    expect(generatePersonnummer('2020-01-05', 7)).toMatch(/^20200105007\d$/);
  });

  it('refuses impossible input', () => {
    expect(() => generatePersonnummer('2023-02-29', 1)).toThrow(RangeError);
    expect(() => generatePersonnummer('2020-01-01', 1000)).toThrow(RangeError);
    expect(() => generatePersonnummer('2020-01-01', -1)).toThrow(RangeError);
    expect(() => generatePersonnummer('2020-01-01', 1.5)).toThrow(RangeError);
  });

  it('always produces a number that parses back to the same person', () => {
    const birthDates = fc
      .date({ min: new Date('1926-01-01T00:00:00Z'), max: new Date('2025-06-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 0, max: 999 }), fc.boolean(), (birthDate, serial, coordination) => {
        const normalized = generatePersonnummer(birthDate, serial, { coordination });
        const twelve = valueOf(parsePersonnummer(normalized, TODAY));
        expect(twelve).toEqual({
          normalized,
          birthDate,
          isCoordinationNumber: coordination,
          sex: serial % 2 === 1 ? 'male' : 'female',
        });
        // The ten-digit form, read within the last hundred years, is the same person.
        const ten = valueOf(parsePersonnummer(`${normalized.slice(2, 8)}-${normalized.slice(8)}`, TODAY));
        expect(ten).toEqual(twelve);
      }),
      { numRuns: 500 },
    );
  });
});

describe('personnummerErrorMessage', () => {
  it('explains each reason in Swedish and English', () => {
    expect(personnummerErrorMessage('checksum')).toEqual({
      sv: 'Kontrollsiffran stämmer inte – kontrollera personnumret.',
      en: 'The check digit does not match – check the personal identity number.',
    });
    const reasons = ['format', 'date', 'checksum', 'future'] as const;
    const svTexts = new Set(reasons.map((r) => personnummerErrorMessage(r).sv));
    const enTexts = new Set(reasons.map((r) => personnummerErrorMessage(r).en));
    expect(svTexts.size).toBe(4);
    expect(enTexts.size).toBe(4);
  });
});
