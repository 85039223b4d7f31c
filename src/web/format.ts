/** Small formatting helpers shared by the screens. */
import type { LocalizedText } from './api-types.ts';
import type { Language } from './i18n/index.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

export function localized(text: LocalizedText | null | undefined, language: Language): string {
  if (!text) return '';
  return text[language] || text.sv || text.en;
}

/** A date ("2024-03-01") or date-time (ISO) as a date in the interface language. */
export function formatDate(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locales[language], {
    year: 'numeric',
    month: language === 'sv' ? '2-digit' : 'long',
    day: language === 'sv' ? '2-digit' : 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

export function fullName(person: { givenName: string | null; familyName: string | null }): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ');
}

/** "Barnkontakt" → "barnkontakt", for use inside a sentence. Keeps acronyms ("BVC") as they are. */
export function inSentence(title: string): string {
  if (title.length > 1 && title[1] === title[1]?.toUpperCase() && /[A-ZÅÄÖ]/.test(title[1] ?? '')) return title;
  return title.charAt(0).toLocaleLowerCase() + title.slice(1);
}

/** Digits of a phone number for a tel: link. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** A date-time (ISO) as date and time in the interface language: "2026-11-23 14:05". */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locales[language], {
    year: 'numeric',
    month: language === 'sv' ? '2-digit' : 'short',
    day: language === 'sv' ? '2-digit' : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The time of day of a date-time (ISO) as "HH:MM" (24-hour clock in both languages). */
export function formatTime(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** Today's local date as "YYYY-MM-DD". */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The last day of a period of `months` months starting on `date` (inclusive),
 * as the server counts it: 2026-11-23 + 12 months → 2027-11-22.
 */
export function periodEnd(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last) - 1);
  return target.toISOString().slice(0, 10);
}
