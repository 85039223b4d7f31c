/** The small rules of the concern screens: the inbox order, where "Raise a concern" starts, what counts as a personnummer. */
import { describe, expect, it } from 'vitest';
import type { Concern } from '../api-types.ts';
import { raiseConcernHref } from '../components/Layout.tsx';
import { byUrgencyAndAge } from './ConcernBits.tsx';
import { looksLikePersonnummer } from './RaiseConcernPage.tsx';

const concern = (id: string, urgency: Concern['urgency'], raisedAt: string) => ({ id, urgency, raisedAt }) as Concern;

describe('the inbox order', () => {
  it('puts the most urgent first and, within an urgency, the oldest first', () => {
    const sorted = [
      concern('low-old', 'low', '2026-01-01T08:00:00Z'),
      concern('normal-new', 'normal', '2026-03-01T08:00:00Z'),
      concern('immediate', 'immediate', '2026-03-02T08:00:00Z'),
      concern('normal-old', 'normal', '2026-02-01T08:00:00Z'),
      concern('high', 'high', '2026-03-03T08:00:00Z'),
    ].sort(byUrgencyAndAge);
    expect(sorted.map((c) => c.id)).toEqual(['immediate', 'high', 'normal-old', 'normal-new', 'low-old']);
  });
});

describe('"Raise a concern" in the header', () => {
  it('starts with the child filled in on a child page, and empty elsewhere', () => {
    expect(raiseConcernHref('/children/4f9e0c1a-0000-4000-8000-000000000001')).toBe('/concerns/new?child=4f9e0c1a-0000-4000-8000-000000000001');
    expect(raiseConcernHref('/children/abc/assessments/new')).toBe('/concerns/new?child=abc');
    expect(raiseConcernHref('/')).toBe('/concerns/new');
    expect(raiseConcernHref('/concerns')).toBe('/concerns/new');
  });
});

describe('the personnummer check before sending', () => {
  it('takes 10 or 12 digits with or without a separator', () => {
    expect(looksLikePersonnummer('20150312-1234')).toBe(true);
    expect(looksLikePersonnummer('201503121234')).toBe(true);
    expect(looksLikePersonnummer('150312-1234')).toBe(true);
    expect(looksLikePersonnummer('150312+1234')).toBe(true);
    expect(looksLikePersonnummer('2015-03-12')).toBe(false);
    expect(looksLikePersonnummer('Anna')).toBe(false);
    expect(looksLikePersonnummer('')).toBe(false);
  });
});
