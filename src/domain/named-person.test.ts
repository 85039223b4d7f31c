import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import {
  type ChainInput,
  type CurrentAssignment,
  type DerivedNamedPerson,
  decideHandover,
  deriveNamedPerson,
  type EnrollmentFact,
  type HandoverDecision,
  stableHash,
} from './named-person.ts';
import {
  BACKA_BARNET_PROFILE,
  GIRFEC_PROFILE,
  KRONOBARNSMODELLEN_PROFILE,
  type ModelProfile,
  parseModelProfile,
  TSI_PROFILE,
} from './profiles/index.ts';
import { ENROLLMENT_KINDS, type StaffRole } from './types.ts';

/** Who holds which role where, in the world of these tests. */
const STAFFING: Record<string, Partial<Record<StaffRole, string[]>>> = {
  'mvc-1': { midwife: ['midwife-a', 'midwife-b'] },
  'bvc-1': { child_health_nurse: ['nurse-a', 'nurse-b', 'nurse-c'], health_visitor: ['visitor-a'] },
  'preschool-1': { preschool_principal: ['pre-principal-a'], preschool_teacher: ['pre-teacher-a'] },
  'school-1': { school_principal: ['principal-1a', 'principal-1b'], counsellor: ['counsellor-1'] },
  'school-2': { school_principal: ['principal-2a'] },
  'gymnasium-1': { school_principal: ['gym-principal-a', 'gym-principal-b'] },
};

function candidatesFrom(staffing: typeof STAFFING) {
  return (unitId: string, role: StaffRole): readonly string[] => [...(staffing[unitId]?.[role] ?? [])].sort();
}

const BIRTH = '2008-03-10';

/** An ordinary childhood in Sweden for a child born 10 March 2008. */
function childhood(): EnrollmentFact[] {
  return [
    { unitId: 'mvc-1', kind: 'maternity_care', startDate: '2008-03-10', endDate: '2008-03-20' },
    { unitId: 'bvc-1', kind: 'child_health_listing', startDate: '2008-03-15', endDate: '2014-08-17' },
    { unitId: 'preschool-1', kind: 'preschool', startDate: '2009-08-17', endDate: '2014-08-17' },
    { unitId: 'school-1', kind: 'preschool_class', startDate: '2014-08-18', endDate: '2015-06-12' },
    { unitId: 'school-1', kind: 'school_class', startDate: '2015-08-17', endDate: '2024-06-14' },
    { unitId: 'gymnasium-1', kind: 'upper_secondary', startDate: '2024-08-19', endDate: '2027-06-11' },
  ];
}

function input(today: string, overrides: Partial<ChainInput> = {}): ChainInput {
  return {
    childId: 'child-1',
    birthDate: BIRTH,
    today,
    enrollments: childhood(),
    candidates: candidatesFrom(STAFFING),
    ...overrides,
  };
}

type Expected = [stageKey: string, role: StaffRole, unitId: string] | 'too_old' | 'no_stage' | 'no_staff';

function summary(derived: DerivedNamedPerson): Expected {
  if (derived.kind === 'assigned') {
    expect(STAFFING[derived.unitId]?.[derived.role]).toContain(derived.staffId);
    return [derived.stageKey, derived.role, derived.unitId];
  }
  return derived.why;
}

function apply(current: CurrentAssignment | null, decision: HandoverDecision): CurrentAssignment | null {
  switch (decision.action) {
    case 'keep':
      return current;
    case 'end':
      return null;
    case 'assign': {
      const { stageKey, unitId, staffId } = decision.derived;
      return { status: 'assigned', stageKey, unitId, staffId, reason: decision.reason };
    }
  }
}

function assignedFrom(derived: DerivedNamedPerson, reason: CurrentAssignment['reason']): CurrentAssignment {
  if (derived.kind !== 'assigned') throw new Error(`expected an assignment, got ${derived.why}`);
  return { status: 'assigned', stageKey: derived.stageKey, unitId: derived.unitId, staffId: derived.staffId, reason };
}

const AGES: [label: string, today: string][] = [
  ['newborn, 2 days old', '2008-03-12'],
  ['newborn, listed at child health care', '2008-03-17'],
  ['2 years, in preschool', '2010-03-10'],
  ['5 years, in preschool', '2013-03-10'],
  ['6 years, in preschool class', '2014-09-01'],
  ['10 years', '2018-03-10'],
  ['16 years', '2024-03-10'],
  ['17 years', '2025-03-10'],
  ['the day before the 18th birthday', '2026-03-09'],
  ['the 18th birthday', '2026-03-10'],
];

const CHAINS: [ModelProfile, Expected[]][] = [
  [
    TSI_PROFILE,
    [
      'no_stage',
      ['child_health', 'child_health_nurse', 'bvc-1'],
      ['preschool', 'preschool_principal', 'preschool-1'],
      ['preschool', 'preschool_principal', 'preschool-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'school-1'],
      ['upper_secondary', 'school_principal', 'gymnasium-1'],
      ['upper_secondary', 'school_principal', 'gymnasium-1'],
      'too_old',
    ],
  ],
  [
    KRONOBARNSMODELLEN_PROFILE,
    [
      'no_stage',
      ['child_health', 'child_health_nurse', 'bvc-1'],
      // Preschool does not move the named person in Kronoberg.
      ['child_health', 'child_health_nurse', 'bvc-1'],
      ['child_health', 'child_health_nurse', 'bvc-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'gymnasium-1'],
      ['school', 'school_principal', 'gymnasium-1'],
      'too_old',
    ],
  ],
  [
    BACKA_BARNET_PROFILE,
    [
      ['maternity', 'midwife', 'mvc-1'],
      // Still in maternity care, but listed at BVC: the later stage wins.
      ['child_health', 'child_health_nurse', 'bvc-1'],
      ['preschool', 'preschool_principal', 'preschool-1'],
      ['preschool', 'preschool_principal', 'preschool-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'school-1'],
      ['school', 'school_principal', 'gymnasium-1'],
      ['school', 'school_principal', 'gymnasium-1'],
      'too_old',
    ],
  ],
  [
    GIRFEC_PROFILE,
    [
      'no_stage',
      ['health_visitor', 'health_visitor', 'bvc-1'],
      // Nursery does not move the Named Person: the health visitor stays until school.
      ['health_visitor', 'health_visitor', 'bvc-1'],
      ['health_visitor', 'health_visitor', 'bvc-1'],
      ['education', 'school_principal', 'school-1'],
      ['education', 'school_principal', 'school-1'],
      ['education', 'school_principal', 'school-1'],
      ['education', 'school_principal', 'gymnasium-1'],
      ['education', 'school_principal', 'gymnasium-1'],
      'too_old',
    ],
  ],
];

describe('deriveNamedPerson across a childhood', () => {
  for (const [profile, expected] of CHAINS) {
    it(`follows the ${profile.key} chain from birth to 18`, () => {
      const actual = AGES.map(([, today]) => summary(deriveNamedPerson(profile, input(today))));
      expect(Object.fromEntries(AGES.map(([label], i) => [label, actual[i]]))).toEqual(
        Object.fromEntries(AGES.map(([label], i) => [label, expected[i]])),
      );
    });
  }

  it('ends on the 18th birthday of a child born on 29 February: 28 February in a common year', () => {
    const leapling = (today: string) =>
      summary(
        deriveNamedPerson(TSI_PROFILE, {
          ...input(today),
          birthDate: '2008-02-29',
          enrollments: [{ unitId: 'gymnasium-1', kind: 'upper_secondary', startDate: '2024-08-19', endDate: null }],
        }),
      );
    expect(leapling('2026-02-27')).toEqual(['upper_secondary', 'school_principal', 'gymnasium-1']);
    expect(leapling('2026-02-28')).toBe('too_old');
  });

  it('ignores enrollments that have ended or not yet begun, and counts end dates inclusively', () => {
    const enrollments: EnrollmentFact[] = [
      { unitId: 'school-1', kind: 'school_class', startDate: '2015-08-17', endDate: '2018-06-15' },
      { unitId: 'school-2', kind: 'school_class', startDate: '2018-08-20', endDate: null },
    ];
    const at = (today: string) => summary(deriveNamedPerson(TSI_PROFILE, input(today, { enrollments })));
    expect(at('2018-06-15')).toEqual(['school', 'school_principal', 'school-1']);
    expect(at('2018-06-16')).toBe('no_stage');
    expect(at('2018-08-19')).toBe('no_stage');
    expect(at('2018-08-20')).toEqual(['school', 'school_principal', 'school-2']);
  });

  it('takes the most recently started of several current enrollments in the stage', () => {
    const enrollments: EnrollmentFact[] = [
      { unitId: 'school-2', kind: 'school_class', startDate: '2018-02-26', endDate: null },
      { unitId: 'school-1', kind: 'school_class', startDate: '2015-08-17', endDate: '2018-02-28' },
    ];
    expect(summary(deriveNamedPerson(TSI_PROFILE, input('2018-02-27', { enrollments })))).toEqual([
      'school',
      'school_principal',
      'school-2',
    ]);
  });

  it('reports the stage and unit when nobody holds the role there', () => {
    const derived = deriveNamedPerson(TSI_PROFILE, input('2018-03-10', { candidates: () => [] }));
    expect(derived).toEqual({ kind: 'none', why: 'no_staff', stageKey: 'school', unitId: 'school-1' });
  });

  it('gives a child not yet born no named person', () => {
    expect(deriveNamedPerson(TSI_PROFILE, input('2008-03-01'))).toEqual({ kind: 'none', why: 'no_stage' });
  });

  it('picks the same staff member for the same child every time, and spreads children over the holders', () => {
    const pick = (childId: string) => {
      const derived = deriveNamedPerson(TSI_PROFILE, input('2008-04-01', { childId }));
      return derived.kind === 'assigned' ? derived.staffId : derived.why;
    };
    expect(pick('child-42')).toBe(pick('child-42'));
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i += 1) counts.set(pick(`child-${i}`), (counts.get(pick(`child-${i}`)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['nurse-a', 'nurse-b', 'nurse-c']);
    for (const count of counts.values()) expect(count).toBeGreaterThan(850);
  });

  it('keeps the current named person when colleagues join the unit (no churn)', () => {
    const before = deriveNamedPerson(TSI_PROFILE, input('2018-03-10'));
    const current = assignedFrom(before, 'registration');
    const grown = { ...STAFFING, 'school-1': { school_principal: ['principal-1a', 'principal-1b', 'principal-1c', 'principal-1d'] } };
    for (const childId of ['child-1', 'child-2', 'child-3', 'child-4', 'child-5']) {
      const withCurrent = deriveNamedPerson(
        TSI_PROFILE,
        input('2018-03-11', { childId, candidates: candidatesFrom(grown), current: { ...current } }),
      );
      expect(withCurrent.kind === 'assigned' && withCurrent.staffId, childId).toBe(current.staffId);
    }
  });

  it('picks someone else when the current named person no longer holds the role there', () => {
    const current: CurrentAssignment = {
      status: 'assigned',
      stageKey: 'school',
      unitId: 'school-1',
      staffId: 'principal-who-left',
      reason: 'registration',
    };
    const derived = deriveNamedPerson(TSI_PROFILE, input('2018-03-10', { current }));
    expect(derived.kind === 'assigned' && derived.staffId).toMatch(/^principal-1[ab]$/);
    const decision = decideHandover(TSI_PROFILE, current, derived, input('2018-03-10'));
    expect(decision.action).toBe('assign');
  });
});

describe('stableHash', () => {
  it('is 32-bit FNV-1a', () => {
    expect(stableHash('')).toBe(0x811c9dc5);
    expect(stableHash('a')).toBe(0xe40c292c);
    expect(stableHash('foobar')).toBe(0xbf9cf968);
  });
});

/** Runs the daily job from birth to past 18, applying every decision; returns what was recorded. */
function liveThrough(profile: ModelProfile, enrollments = childhood(), childId = 'child-1') {
  const events: string[] = [];
  let current: CurrentAssignment | null = null;
  for (let today = BIRTH; today <= '2026-03-20'; today = addDays(today, 1)) {
    const chain = { ...input(today, { childId, enrollments }), current };
    const decision = decideHandover(profile, current, deriveNamedPerson(profile, chain), chain);
    current = apply(current, decision);
    if (decision.action === 'assign') events.push(`${today} ${decision.reason} → ${decision.derived.stageKey}@${decision.derived.unitId}`);
    if (decision.action === 'end') events.push(`${today} end ${decision.reason}`);
    // Deciding again on the same day changes nothing.
    const again = { ...chain, current };
    expect(decideHandover(profile, current, deriveNamedPerson(profile, again), again), today).toEqual({ action: 'keep' });
  }
  return events;
}

describe('decideHandover, day by day through a childhood', () => {
  it('hands over in TSI: birth at BVC, then preschool, school, upper secondary, end at 18', () => {
    expect(liveThrough(TSI_PROFILE)).toEqual([
      '2008-03-15 birth → child_health@bvc-1',
      '2009-08-17 enrollment_change → preschool@preschool-1',
      '2014-08-18 enrollment_change → school@school-1',
      // The summer between compulsory and upper-secondary school has no stage: the principal stays.
      '2024-08-19 enrollment_change → upper_secondary@gymnasium-1',
      '2026-03-10 end no_longer_needed',
    ]);
  });

  it('hands over in Kronobarnsmodellen only at preschool class and at a new school', () => {
    expect(liveThrough(KRONOBARNSMODELLEN_PROFILE)).toEqual([
      '2008-03-15 birth → child_health@bvc-1',
      '2014-08-18 enrollment_change → school@school-1',
      '2024-08-19 enrollment_change → school@gymnasium-1',
      '2026-03-10 end no_longer_needed',
    ]);
  });

  it('starts with the midwife in Backa barnet', () => {
    expect(liveThrough(BACKA_BARNET_PROFILE)).toEqual([
      '2008-03-10 birth → maternity@mvc-1',
      '2008-03-15 enrollment_change → child_health@bvc-1',
      '2009-08-17 enrollment_change → preschool@preschool-1',
      '2014-08-18 enrollment_change → school@school-1',
      '2024-08-19 enrollment_change → school@gymnasium-1',
      '2026-03-10 end no_longer_needed',
    ]);
  });

  it('moves from the health visitor to the head teacher in GIRFEC', () => {
    expect(liveThrough(GIRFEC_PROFILE)).toEqual([
      '2008-03-15 birth → health_visitor@bvc-1',
      '2014-08-18 enrollment_change → education@school-1',
      '2024-08-19 enrollment_change → education@gymnasium-1',
      '2026-03-10 end no_longer_needed',
    ]);
  });

  it('goes back to the BVC nurse when a child leaves preschool but is still listed at child health care', () => {
    const leavesPreschool = childhood().map((e) => (e.kind === 'preschool' ? { ...e, endDate: '2011-05-31' } : e));
    expect(liveThrough(TSI_PROFILE, leavesPreschool).slice(0, 4)).toEqual([
      '2008-03-15 birth → child_health@bvc-1',
      '2009-08-17 enrollment_change → preschool@preschool-1',
      '2011-06-01 enrollment_change → child_health@bvc-1',
      '2014-08-18 enrollment_change → school@school-1',
    ]);
  });

  it('records a child first registered after four weeks as registration', () => {
    const late = childhood().map((e) => (e.kind === 'child_health_listing' ? { ...e, startDate: '2008-04-07' } : e));
    expect(liveThrough(TSI_PROFILE, late)[0]).toBe('2008-04-07 registration → child_health@bvc-1');
    const justInTime = childhood().map((e) => (e.kind === 'child_health_listing' ? { ...e, startDate: '2008-04-06' } : e));
    expect(liveThrough(TSI_PROFILE, justInTime)[0]).toBe('2008-04-06 birth → child_health@bvc-1');
  });
});

describe('decideHandover', () => {
  const ctx = (today: string, enrollments = childhood()) => ({ birthDate: BIRTH, today, enrollments });

  it('hands over to the new school’s principal when the child moves school mid-year', () => {
    const enrollments: EnrollmentFact[] = [
      { unitId: 'school-1', kind: 'school_class', startDate: '2015-08-17', endDate: '2018-02-28' },
      { unitId: 'school-2', kind: 'school_class', startDate: '2018-03-01', endDate: null },
    ];
    const current = assignedFrom(deriveNamedPerson(TSI_PROFILE, input('2018-02-28', { enrollments })), 'enrollment_change');
    expect(current.unitId).toBe('school-1');

    const lastDay = deriveNamedPerson(TSI_PROFILE, input('2018-02-28', { enrollments, current }));
    expect(decideHandover(TSI_PROFILE, current, lastDay, ctx('2018-02-28', enrollments))).toEqual({ action: 'keep' });

    const firstDay = deriveNamedPerson(TSI_PROFILE, input('2018-03-01', { enrollments, current }));
    expect(decideHandover(TSI_PROFILE, current, firstDay, ctx('2018-03-01', enrollments))).toEqual({
      action: 'assign',
      reason: 'enrollment_change',
      derived: { kind: 'assigned', stageKey: 'school', role: 'school_principal', unitId: 'school-2', staffId: 'principal-2a' },
    });
  });

  it('respects a family’s decline across later handovers, even at 18', () => {
    const declined: CurrentAssignment = { status: 'declined', stageKey: 'child_health', unitId: 'bvc-1', staffId: null, reason: 'declined' };
    for (const today of ['2008-04-01', '2010-03-10', '2014-09-01', '2025-03-10', '2026-03-10']) {
      const derived = deriveNamedPerson(TSI_PROFILE, input(today, { current: declined }));
      expect(decideHandover(TSI_PROFILE, declined, derived, ctx(today)), today).toEqual({ action: 'keep' });
    }
  });

  describe('a manual assignment', () => {
    const manual: CurrentAssignment = {
      status: 'assigned',
      stageKey: 'school',
      unitId: 'school-1',
      staffId: 'counsellor-1',
      reason: 'manual',
    };

    it('is kept while the child stays in the same stage at the same unit', () => {
      for (const today of ['2015-09-01', '2018-03-10', '2024-06-14']) {
        const derived = deriveNamedPerson(TSI_PROFILE, input(today, { current: manual }));
        expect(derived.kind === 'assigned' && derived.staffId).toMatch(/^principal-1/);
        expect(decideHandover(TSI_PROFILE, manual, derived, ctx(today)), today).toEqual({ action: 'keep' });
      }
    });

    it('is kept when nobody holds the role or no stage applies', () => {
      const noStaff = deriveNamedPerson(TSI_PROFILE, input('2018-03-10', { candidates: () => [] }));
      expect(decideHandover(TSI_PROFILE, manual, noStaff, ctx('2018-03-10'))).toEqual({ action: 'keep' });
      const summer = deriveNamedPerson(TSI_PROFILE, input('2024-07-01'));
      expect(summer).toEqual({ kind: 'none', why: 'no_stage' });
      expect(decideHandover(TSI_PROFILE, manual, summer, ctx('2024-07-01'))).toEqual({ action: 'keep' });
    });

    it('is handed over when the child moves on to another stage or unit', () => {
      const derived = deriveNamedPerson(TSI_PROFILE, input('2024-08-19', { current: manual }));
      expect(decideHandover(TSI_PROFILE, manual, derived, ctx('2024-08-19'))).toMatchObject({
        action: 'assign',
        reason: 'enrollment_change',
        derived: { stageKey: 'upper_secondary', unitId: 'gymnasium-1' },
      });
    });

    it('ends at 18', () => {
      const derived = deriveNamedPerson(TSI_PROFILE, input('2026-03-10', { current: manual }));
      expect(decideHandover(TSI_PROFILE, manual, derived, ctx('2026-03-10'))).toEqual({ action: 'end', reason: 'no_longer_needed' });
    });
  });

  it('keeps an assignment that matches the derived one, and keeps the last named person when no stage applies', () => {
    const derived = deriveNamedPerson(TSI_PROFILE, input('2018-03-10'));
    const current = assignedFrom(derived, 'enrollment_change');
    expect(decideHandover(TSI_PROFILE, current, derived, ctx('2018-03-10'))).toEqual({ action: 'keep' });
    expect(decideHandover(TSI_PROFILE, current, { kind: 'none', why: 'no_stage' }, ctx('2018-03-10'))).toEqual({ action: 'keep' });
    expect(decideHandover(TSI_PROFILE, null, { kind: 'none', why: 'no_stage' }, ctx('2018-03-10'))).toEqual({ action: 'keep' });
    expect(decideHandover(TSI_PROFILE, null, { kind: 'none', why: 'too_old' }, ctx('2026-03-10'))).toEqual({ action: 'keep' });
  });

  describe('with age windows', () => {
    const parsed = parseModelProfile({
      key: 'age-windows',
      version: 1,
      name: { sv: 'Åldersfönster', en: 'Age windows' },
      defaultLanguage: 'sv',
      namedPersonTitle: { sv: 'Barnkontakt', en: 'Named person' },
      leadProfessionalTitle: { sv: 'Samordnare', en: 'Lead professional' },
      roleTitles: {},
      namedPersonChain: [
        { key: 'school', role: 'school_principal', title: { sv: 'Rektor', en: 'Principal' }, enrollmentKinds: ['school_class'] },
        // Young pupils have the counsellor as named person until they turn 12.
        { key: 'young_pupil', role: 'counsellor', title: { sv: 'Kurator', en: 'Counsellor' }, enrollmentKinds: ['school_class'], untilAgeYears: 12 },
        { key: 'infant', role: 'child_health_nurse', title: { sv: 'BVC', en: 'BVC' }, enrollmentKinds: ['child_health_listing'], untilAgeYears: 3 },
        { key: 'toddler', role: 'health_visitor', title: { sv: 'Hälsobesök', en: 'Health visitor' }, enrollmentKinds: ['child_health_listing'], fromAgeDays: 1000 },
      ],
      teamTypes: [],
      wellbeing: { tool: 'shanarri', scale: { min: 1, max: 5 }, indicators: [{ key: 'safe', name: { sv: 'Trygg', en: 'Safe' }, description: { sv: 'T', en: 'S' } }] },
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const profile = parsed.profile;

    it('moves by age when a later stage opens on a day count', () => {
      expect(liveThrough(profile).slice(0, 2)).toEqual([
        '2008-03-15 birth → infant@bvc-1',
        // Day 1000 after 10 March 2008.
        `${addDays(BIRTH, 1000)} age_transition → toddler@bvc-1`,
      ]);
    });

    it('moves by age when the current stage’s window closes, and by enrollment on starting school', () => {
      expect(liveThrough(profile).slice(2)).toEqual([
        '2015-08-17 enrollment_change → young_pupil@school-1',
        '2020-03-10 age_transition → school@school-1',
        '2026-03-10 end no_longer_needed',
      ]);
    });
  });
});

describe('decideHandover is idempotent', () => {
  const day = fc.integer({ min: 0, max: 365 * 19 }).map((n) => addDays(BIRTH, n));
  const enrollment = fc
    .record({
      unitId: fc.constantFrom(...Object.keys(STAFFING)),
      kind: fc.constantFrom(...ENROLLMENT_KINDS),
      startDate: day,
      length: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
    })
    .map(({ length, ...e }): EnrollmentFact => ({ ...e, endDate: length === null ? null : addDays(e.startDate, length) }));
  const current = fc.option(
    fc.record({
      status: fc.constantFrom('assigned' as const, 'declined' as const),
      stageKey: fc.constantFrom(null, 'maternity', 'child_health', 'preschool', 'school', 'upper_secondary', 'education'),
      unitId: fc.constantFrom(null, ...Object.keys(STAFFING)),
      staffId: fc.constantFrom(null, 'nurse-a', 'principal-1b', 'counsellor-1', 'gone'),
      reason: fc.constantFrom('birth' as const, 'registration' as const, 'manual' as const, 'enrollment_change' as const),
    }),
    { nil: null },
  );

  it('for any enrollments and any current assignment, in every shipped profile', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(TSI_PROFILE, KRONOBARNSMODELLEN_PROFILE, BACKA_BARNET_PROFILE, GIRFEC_PROFILE),
        fc.array(enrollment, { maxLength: 6 }),
        current,
        day,
        fc.string(),
        (profile, enrollments, start, today, childId) => {
          const base = input(today, { childId, enrollments });
          const first = decideHandover(profile, start, deriveNamedPerson(profile, { ...base, current: start }), base);
          const after = apply(start, first);
          const second = decideHandover(profile, after, deriveNamedPerson(profile, { ...base, current: after }), base);
          expect(second).toEqual({ action: 'keep' });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
