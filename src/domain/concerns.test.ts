import { describe, expect, it } from 'vitest';
import {
  CONCERN_ACTION_KINDS,
  FIVE_QUESTION_KEYS,
  FIVE_QUESTIONS,
  applyConcernAction,
  firstResponseDueAt,
  forwardingBasis,
  isConcernOverdue,
  possibleConcernActions,
  urgencyRank,
} from './concerns.ts';

describe('the concern lifecycle', () => {
  it('new → acknowledged → in_progress → closed, the first action being the first response', () => {
    expect(applyConcernAction('new', 'acknowledged')).toEqual({ ok: true, status: 'acknowledged', firstResponse: true });
    expect(applyConcernAction('acknowledged', 'information_gathered')).toEqual({ ok: true, status: 'in_progress', firstResponse: false });
    expect(applyConcernAction('in_progress', 'handled_in_agency')).toEqual({ ok: true, status: 'in_progress', firstResponse: false });
    expect(applyConcernAction('in_progress', 'closed')).toEqual({ ok: true, status: 'closed', firstResponse: false });
  });

  it('any step may come first – a mandatory report must always be possible', () => {
    expect(applyConcernAction('new', 'mandatory_report')).toEqual({ ok: true, status: 'in_progress', firstResponse: true });
    expect(applyConcernAction('new', 'closed')).toEqual({ ok: true, status: 'closed', firstResponse: true });
  });

  it('refuses a second acknowledgement and anything after closing', () => {
    expect(applyConcernAction('acknowledged', 'acknowledged')).toEqual({ ok: false, reason: 'already_acknowledged' });
    expect(applyConcernAction('in_progress', 'acknowledged')).toEqual({ ok: false, reason: 'already_acknowledged' });
    for (const kind of CONCERN_ACTION_KINDS) expect(applyConcernAction('closed', kind)).toEqual({ ok: false, reason: 'closed' });
    expect(possibleConcernActions('closed')).toEqual([]);
    expect(possibleConcernActions('new')).toEqual([...CONCERN_ACTION_KINDS]);
    expect(possibleConcernActions('in_progress')).not.toContain('acknowledged');
  });
});

describe('first-response deadlines', () => {
  // 2026-06-15 is a Monday; 2026-06-19 a Friday.
  it('immediate: 4 hours of clock time, weekends included', () => {
    expect(firstResponseDueAt(new Date('2026-06-20T10:00:00Z'), 'immediate').toISOString()).toBe('2026-06-20T14:00:00.000Z');
  });

  it('high: 1 working day, across the weekend', () => {
    expect(firstResponseDueAt(new Date('2026-06-15T09:00:00Z'), 'high').toISOString()).toBe('2026-06-16T09:00:00.000Z');
    expect(firstResponseDueAt(new Date('2026-06-19T09:00:00Z'), 'high').toISOString()).toBe('2026-06-22T09:00:00.000Z');
    expect(firstResponseDueAt(new Date('2026-06-20T09:00:00Z'), 'high').toISOString()).toBe('2026-06-22T09:00:00.000Z');
  });

  it('normal: 5 working days; low: 10', () => {
    expect(firstResponseDueAt(new Date('2026-06-15T09:00:00Z'), 'normal').toISOString()).toBe('2026-06-22T09:00:00.000Z');
    expect(firstResponseDueAt(new Date('2026-06-15T09:00:00Z'), 'low').toISOString()).toBe('2026-06-29T09:00:00.000Z');
  });

  it('overdue only while no response has come and the deadline has passed', () => {
    const raisedAt = new Date('2026-06-15T09:00:00Z');
    expect(isConcernOverdue({ raisedAt, urgency: 'immediate', firstResponseAt: null }, new Date('2026-06-15T12:59:00Z'))).toBe(false);
    expect(isConcernOverdue({ raisedAt, urgency: 'immediate', firstResponseAt: null }, new Date('2026-06-15T13:01:00Z'))).toBe(true);
    expect(isConcernOverdue({ raisedAt, urgency: 'immediate', firstResponseAt: new Date('2026-06-15T15:00:00Z') }, new Date('2026-06-16T00:00:00Z'))).toBe(false);
    expect(isConcernOverdue({ raisedAt, urgency: 'low', firstResponseAt: null }, new Date('2026-06-26T09:00:00Z'))).toBe(false);
  });

  it('sorts the most urgent first', () => {
    expect(['low', 'immediate', 'normal', 'high'].sort((a, b) => urgencyRank(a as never) - urgencyRank(b as never))).toEqual(['immediate', 'high', 'normal', 'low']);
  });
});

describe('the five questions', () => {
  it('carry the exact GIRFEC wording and a Swedish text', () => {
    expect(FIVE_QUESTION_KEYS.map((k) => FIVE_QUESTIONS[k].en)).toEqual([
      "What is getting in the way of this child or young person's wellbeing?",
      'Do I have all the information I need to help this child or young person?',
      'What can I do now that is needed and appropriate to help this child or young person?',
      'What can my agency or organisation do now to help this child or young person?',
      'What additional help, if any, may be needed from others?',
    ]);
    for (const k of FIVE_QUESTION_KEYS) expect(FIVE_QUESTIONS[k].sv.length).toBeGreaterThan(20);
  });
});

describe('an open concern follows the named person only on a basis that still holds', () => {
  const school = { agencyType: 'school', organisationId: 'kommun' };
  const health = { agencyType: 'child_health_care', organisationId: 'region' };
  it('within the raising agency: own agency', () => {
    expect(forwardingBasis({ sharingBasis: 'own_agency', owning: school }, school, null)).toEqual({ basis: 'own_agency', reference: null });
    expect(forwardingBasis({ sharingBasis: 'consent', owning: school }, school, null)).toEqual({ basis: 'own_agency', reference: null });
  });
  it('to another agency: the family’s request and a stated basis go with it; own agency or consent needs a consent for the new one', () => {
    expect(forwardingBasis({ sharingBasis: 'family_request', owning: school }, health, null)).toBe('keep_reference');
    expect(forwardingBasis({ sharingBasis: 'other_statute', owning: school }, health, null)).toBe('keep_reference');
    expect(forwardingBasis({ sharingBasis: 'own_agency', owning: school }, health, null)).toBeNull();
    expect(forwardingBasis({ sharingBasis: 'consent', owning: school }, health, null)).toBeNull();
    expect(forwardingBasis({ sharingBasis: 'own_agency', owning: school }, health, 'k1')).toEqual({ basis: 'consent', reference: 'k1' });
  });
});
