import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, formatUtcDateTime } from './icalendar.ts';

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('the iCalendar writer', () => {
  it('writes times in UTC Z form', () => {
    expect(formatUtcDateTime(new Date('2030-10-15T11:00:00.000Z'))).toBe('20301015T110000Z');
    expect(formatUtcDateTime(new Date('2031-01-02T03:04:05.678Z'))).toBe('20310102T030405Z');
  });

  it('escapes backslash, semicolon, comma and line breaks, and drops other control characters', () => {
    expect(escapeText('Rum 3; plan 2, Ekskolan')).toBe('Rum 3\\; plan 2\\, Ekskolan');
    expect(escapeText('C:\\möten')).toBe('C:\\\\möten');
    expect(escapeText('rad 1\r\nrad 2\nrad 3\rrad 4')).toBe('rad 1\\nrad 2\\nrad 3\\nrad 4');
    expect(escapeText('tab\there\u0007bell')).toBe('tab\therebell');
  });

  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:HLT-grupp')).toBe('SUMMARY:HLT-grupp');
    const exactly75 = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(exactly75)).toBe(75);
    expect(foldLine(exactly75)).toBe(exactly75);
  });

  it('folds long lines at 75 octets with CRLF and a space, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(4);
    for (const [i, l] of physical.entries()) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
    }
    expect(octets(physical[0]!)).toBe(75);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-octet UTF-8 character when folding', () => {
    const line = `LOCATION:${'åäö€😀'.repeat(40)}`;
    const physical = foldLine(line).split('\r\n');
    for (const l of physical) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      // A split character would not survive a round trip through UTF-8.
      expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
      expect(l).not.toMatch(/\uFFFD/);
    }
    expect(unfold(physical.join('\r\n'))).toBe(line);
  });

  it('builds a calendar with CRLF line endings only, one VEVENT per event', () => {
    const text = buildCalendar({
      productId: '-//Samsyn//Möten//SV',
      name: 'Samsyn – mina möten',
      generatedAt: new Date('2030-10-01T08:00:00Z'),
      events: [
        {
          uid: 'a@samsyn',
          start: new Date('2030-10-15T11:00:00Z'),
          end: new Date('2030-10-15T13:00:00Z'),
          summary: 'HLT-grupp, Ekskolan; vecka 42',
          location: 'Ekskolan, rum 3',
        },
        { uid: 'b@samsyn', start: new Date('2030-10-29T12:00:00Z'), end: new Date('2030-10-29T14:00:00Z'), summary: 'Barnteam', description: 'x'.repeat(200) },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    const logical = unfold(text).split('\r\n');
    expect(logical[0]).toBe('BEGIN:VCALENDAR');
    expect(logical).toContain('VERSION:2.0');
    expect(logical.at(-2)).toBe('END:VCALENDAR');
    expect(logical.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(logical.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    expect(logical).toContain('UID:a@samsyn');
    expect(logical).toContain('DTSTAMP:20301001T080000Z');
    expect(logical).toContain('DTSTART:20301015T110000Z');
    expect(logical).toContain('DTEND:20301015T130000Z');
    expect(logical).toContain('SUMMARY:HLT-grupp\\, Ekskolan\\; vecka 42');
    expect(logical).toContain('LOCATION:Ekskolan\\, rum 3');
    expect(logical).toContain(`DESCRIPTION:${'x'.repeat(200)}`);
    expect(logical.filter((l) => l === 'STATUS:CONFIRMED')).toHaveLength(2);
  });
});
