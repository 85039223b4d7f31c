/**
 * Swedish personal identity numbers (personnummer, SKV 704) and coordination
 * numbers (samordningsnummer, SKV 707: the day of birth plus 60).
 *
 * Century rule for the ten-digit forms: with `-` or no separator the person is
 * placed in the most recent century in which they are not born after `today`;
 * `+` (used from the year a person turns 100) moves them a further 100 years
 * back. The twelve-digit forms carry their century and are rejected with
 * `future` when the date lies after `today`.
 */
import { formatIsoDate, isIsoDate, isValidCalendarDate, parseIsoDate, swedishDate } from './dates.ts';
import type { LocalizedText } from './types.ts';

export type ParsedPersonnummer = {
  /** Twelve digits YYYYMMDDNNNC; for a coordination number the day stays +60. */
  normalized: string;
  /** YYYY-MM-DD with the real day of birth. */
  birthDate: string;
  isCoordinationNumber: boolean;
  /** From the ninth digit (the last of the birth number): odd male, even female. */
  sex: 'female' | 'male';
};

export type PersonnummerError = 'format' | 'date' | 'checksum' | 'future';

export type PersonnummerResult = { ok: true; value: ParsedPersonnummer } | { ok: false; reason: PersonnummerError };

const COORDINATION_DAY_OFFSET = 60;
const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+])?(\d{3})(\d)$/;

/**
 * The Luhn check digit over the nine digits YYMMDDNNN: weights 2,1,2,1,… from
 * the left, the digits of each product summed.
 */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError(`Expected nine digits, got ${JSON.stringify(nineDigits)}`);
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Parses and validates a personnummer or samordningsnummer. `today` (a Date,
 * read as the Swedish calendar date, or `YYYY-MM-DD`) decides the century of
 * ten-digit forms and what counts as the future; it defaults to now.
 */
export function parsePersonnummer(input: string, today: Date | string = new Date()): PersonnummerResult {
  const match = PATTERN.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, centuryDigits, yy = '', mm = '', dd = '', separator, birthNumber = '', check = ''] = match;
  // The twelve-digit form carries its century; a `+` there has no meaning.
  if (centuryDigits !== undefined && separator === '+') return { ok: false, reason: 'format' };

  const todayIso = typeof today === 'string' ? today : swedishDate(today);
  if (!isIsoDate(todayIso)) throw new RangeError(`today must be YYYY-MM-DD, got ${JSON.stringify(todayIso)}`);
  const now = parseIsoDate(todayIso);

  const month = Number(mm);
  const dayField = Number(dd);
  const isCoordinationNumber = dayField > COORDINATION_DAY_OFFSET;
  const day = isCoordinationNumber ? dayField - COORDINATION_DAY_OFFSET : dayField;

  let year: number;
  if (centuryDigits !== undefined) {
    year = Number(centuryDigits + yy);
  } else {
    // Most recent year ending in yy whose birthday (month/day) is not after today.
    year = Math.floor(now.year / 100) * 100 + Number(yy);
    const monthDay = month * 100 + day;
    if (year > now.year || (year === now.year && monthDay > now.month * 100 + now.day)) year -= 100;
    if (separator === '+') year -= 100;
  }

  if (!isValidCalendarDate(year, month, day)) return { ok: false, reason: 'date' };
  if (luhnCheckDigit(yy + mm + dd + birthNumber) !== Number(check)) return { ok: false, reason: 'checksum' };

  const birthDate = formatIsoDate({ year, month, day });
  if (birthDate > todayIso) return { ok: false, reason: 'future' };

  return {
    ok: true,
    value: {
      normalized: `${String(year).padStart(4, '0')}${mm}${dd}${birthNumber}${check}`,
      birthDate,
      isCoordinationNumber,
      sex: Number(birthNumber[2]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** `YYYYMMDDNNNC` → `YYYYMMDD-NNNC`. */
export function formatPersonnummer(normalized: string): string {
  if (!/^\d{12}$/.test(normalized)) throw new RangeError(`Expected twelve digits, got ${JSON.stringify(normalized)}`);
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/**
 * A checksum-valid twelve-digit number for `birthDate` with birth number
 * `serial` (0–999); with `coordination` the day is raised by 60. For synthetic
 * data: the number may belong to a real person, so never mix it with real data.
 */
export function generatePersonnummer(birthDate: string, serial: number, opts: { coordination?: boolean } = {}): string {
  const { year, month, day } = parseIsoDate(birthDate);
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) {
    throw new RangeError(`serial must be a whole number 0–999, got ${serial}`);
  }
  const yyyy = String(year).padStart(4, '0');
  const mm = String(month).padStart(2, '0');
  const dd = String(opts.coordination ? day + COORDINATION_DAY_OFFSET : day).padStart(2, '0');
  const nnn = String(serial).padStart(3, '0');
  return `${yyyy}${mm}${dd}${nnn}${luhnCheckDigit(yyyy.slice(2) + mm + dd + nnn)}`;
}

const ERROR_MESSAGES: Record<PersonnummerError, LocalizedText> = {
  format: {
    sv: 'Skriv personnumret som ÅÅÅÅMMDD-NNNN (eller ÅÅMMDD-NNNN).',
    en: 'Write the personal identity number as YYYYMMDD-NNNN (or YYMMDD-NNNN).',
  },
  date: {
    sv: 'Födelsedatumet finns inte – kontrollera år, månad och dag.',
    en: 'The date of birth does not exist – check the year, month and day.',
  },
  checksum: {
    sv: 'Kontrollsiffran stämmer inte – kontrollera personnumret.',
    en: 'The check digit does not match – check the personal identity number.',
  },
  future: {
    sv: 'Födelsedatumet ligger i framtiden – kontrollera personnumret.',
    en: 'The date of birth is in the future – check the personal identity number.',
  },
};

export function personnummerErrorMessage(reason: PersonnummerError): LocalizedText {
  return ERROR_MESSAGES[reason];
}
