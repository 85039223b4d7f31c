/**
 * A small iCalendar (RFC 5545) writer for the members' meeting feeds. Pure:
 * events in, text out. Times are written in UTC (`…Z`), so no VTIMEZONE is
 * needed and calendar clients show each meeting in their own zone. Content
 * lines end with CRLF and are folded at 75 octets without splitting a UTF-8
 * character; TEXT values are escaped (backslash, semicolon, comma, newline).
 *
 * A feed leaves the system (it is synced to phones and other calendars), so
 * callers put no child data in it – see services/meetings.ts.
 */

export type CalendarEvent = {
  /** Stable per meeting, so a client updates the event instead of adding another. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
};

export type Calendar = {
  /** PRODID: who made the calendar. */
  productId: string;
  /** X-WR-CALNAME: the name clients show for a subscribed calendar. */
  name: string;
  events: readonly CalendarEvent[];
  /** DTSTAMP of every event (when this feed was generated). */
  generatedAt: Date;
};

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** `20301015T110000Z`: a DATE-TIME in UTC (RFC 5545 §3.3.5, form #2). */
export function formatUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a
 * backslash, line breaks become `\n`; other control characters (not allowed in
 * TEXT) are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Folds one content line (RFC 5545 §3.1): no line longer than 75 octets,
 * continuation lines start with one space, and a multi-octet UTF-8 character is
 * never split. Returns the physical lines joined with CRLF (no trailing CRLF).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation line a space and 74 more.
    const limit = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : ` ${l}`)).join(CRLF);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    property('UID', escapeText(event.uid)),
    property('DTSTAMP', stamp),
    property('DTSTART', formatUtcDateTime(event.start)),
    property('DTEND', formatUtcDateTime(event.end)),
    property('SUMMARY', escapeText(event.summary)),
  ];
  if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
  if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
  lines.push(property('STATUS', event.status ?? 'CONFIRMED'), 'END:VEVENT');
  return lines;
}

/** The whole VCALENDAR object, every line ending in CRLF. */
export function buildCalendar(calendar: Calendar): string {
  const stamp = formatUtcDateTime(calendar.generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', calendar.productId),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(calendar.name)),
    ...calendar.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.join(CRLF) + CRLF;
}
