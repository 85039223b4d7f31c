import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ChildAccessFacts,
  canAppointLeadProfessional,
  canEditPlan,
  canStartPlan,
  planActionUnits,
  type RecordFacts,
} from './access.ts';
import type { ConsentScope } from './consent.ts';
import { AppError } from './errors.ts';
import {
  activationProblems,
  agenciesWithActions,
  assertTransition,
  diffPlanContent,
  firstChangeOutsideOwnActions,
  mergeOwnActionUpdates,
  isSip,
  overdueActions,
  type PlanContent,
  PlanContentSchema,
  validatePlanContent,
} from './plan.ts';
import type { AgencyType, StaffRole } from './types.ts';

const content = (over: Partial<PlanContent> = {}): PlanContent =>
  PlanContentSchema.parse({
    reason: 'Hög frånvaro.',
    needs: [
      {
        id: 'n1',
        indicator: 'achieving',
        need: 'Komma till skolan',
        desiredOutcome: 'Närvaro över 90 %',
        evidence: 'Närvaron varje vecka',
        actions: [
          { id: 'a1', description: 'Hämtas hemma', responsibleUnitId: '00000000-0000-4000-8000-000000000001', startDate: '2026-11-01', dueDate: '2026-11-20' },
          { id: 'a2', description: 'Familjestöd', responsibleUnitId: '00000000-0000-4000-8000-000000000002', startDate: '2026-11-01', dueDate: '2027-01-31' },
        ],
      },
    ],
    childView: { text: 'Jag vill komma i tid.' },
    guardiansView: { reasonMissing: 'Vårdnadshavarna kom inte till mötet.' },
    reviewDate: '2026-12-15',
    ...over,
  });

const SCHOOL = '00000000-0000-4000-8000-000000000001';
const SOCIAL = '00000000-0000-4000-8000-000000000002';
const AGENCY_OF: Record<string, AgencyType> = { [SCHOOL]: 'school', [SOCIAL]: 'social_services' };
const agencyOf = (id: string): AgencyType | undefined => AGENCY_OF[id];

describe('the plan content', () => {
  it('fills defaults and refuses empty required text with a 400-shaped zod error', () => {
    const parsed = content();
    expect(parsed.needs[0]!.actions[0]).toMatchObject({ status: 'planned', interventionId: null, responsibleStaffId: null, comment: null });
    expect(PlanContentSchema.safeParse({ ...parsed, reason: '   ' }).success).toBe(false);
    expect(PlanContentSchema.safeParse({ ...parsed, reviewDate: '15/12/2026' }).success).toBe(false);
    expect(PlanContentSchema.safeParse({ ...parsed, reason: 'a\u0000b' }).success).toBe(false);
  });

  it('names the field of an unknown indicator, a repeated id and a due date before the start', () => {
    const fieldOf = (c: PlanContent) => {
      try {
        validatePlanContent(c, ['achieving', 'safe']);
        return null;
      } catch (e) {
        return e instanceof AppError ? e.details?.field : e;
      }
    };
    expect(fieldOf(content())).toBeNull();
    const base = content();
    expect(fieldOf({ ...base, needs: [{ ...base.needs[0]!, indicator: 'happy' }] })).toBe('needs.0.indicator');
    expect(fieldOf({ ...base, needs: [{ ...base.needs[0]!, actions: [base.needs[0]!.actions[0]!, { ...base.needs[0]!.actions[1]!, id: 'a1' }] }] })).toBe('needs.0');
    expect(fieldOf({ ...base, needs: [{ ...base.needs[0]!, actions: [{ ...base.needs[0]!.actions[0]!, dueDate: '2026-10-01' }] }] })).toBe('needs.0.actions.0.dueDate');
  });
});

describe('activation', () => {
  it('needs a lead professional when more than one agency acts, and names every missing piece', () => {
    const agencies = agenciesWithActions(content(), agencyOf);
    expect(agencies).toEqual(['school', 'social_services']);
    const fields = (c: PlanContent, lead: boolean, ag = agencies) => activationProblems({ content: c, agencies: ag, hasLeadProfessional: lead, today: '2026-11-23' }).map((p) => p.field);
    expect(fields(content(), false)).toEqual(['leadProfessional']);
    expect(fields(content(), true)).toEqual([]);
    expect(fields(content(), false, ['school'])).toEqual([]);
    expect(fields(content({ childView: { text: null, reasonMissing: null, agreement: null }, guardiansView: { text: null, reasonMissing: null, agreement: null }, needs: [], reviewDate: '2026-11-01' }), true)).toEqual([
      'needs',
      'childView',
      'guardiansView',
      'reviewDate',
    ]);
  });

  it('treats social services with health care as a SIP that needs the body with overall responsibility', () => {
    expect(isSip(['school', 'social_services'])).toBe(false);
    expect(isSip(['child_psychiatry', 'social_services'])).toBe(true);
    const problems = activationProblems({ content: content(), agencies: ['child_health_care', 'social_services'], hasLeadProfessional: true, today: '2026-11-23' });
    expect(problems.map((p) => p.field)).toEqual(['overallResponsibility']);
    expect(activationProblems({ content: content({ overallResponsibility: 'region' }), agencies: ['child_health_care', 'social_services'], hasLeadProfessional: true, today: '2026-11-23' })).toEqual([]);
  });

  it('moves only along draft → active → under review → active, and closes from any open state', () => {
    expect(() => assertTransition('draft', 'active')).not.toThrow();
    expect(() => assertTransition('active', 'under_review')).not.toThrow();
    expect(() => assertTransition('under_review', 'closed')).not.toThrow();
    expect(() => assertTransition('draft', 'under_review')).toThrow(AppError);
    expect(() => assertTransition('closed', 'active')).toThrow(/closed/);
  });
});

describe('the diff between versions', () => {
  it('matches needs and actions by id and labels each change in both languages', () => {
    const before = content();
    const after = content({
      disagreements: 'Pappa vill inte ha hembesök.',
      needs: [{ ...before.needs[0]!, actions: [{ ...before.needs[0]!.actions[0]!, dueDate: '2026-12-01' }, { ...before.needs[0]!.actions[1]!, id: 'a3' }] }],
    });
    const changes = diffPlanContent(before, after);
    expect(changes.map((c) => [c.path, c.kind])).toEqual([
      ['disagreements', 'changed'],
      ['needs.n1.actions.a2', 'removed'],
      ['needs.n1.actions.a1.dueDate', 'changed'],
      ['needs.n1.actions.a3', 'added'],
    ]);
    expect(changes[2]!.label).toEqual({ sv: 'Insats "Hämtas hemma": klart senast ändrad', en: 'Action "Hämtas hemma": due date changed' });
    expect(diffPlanContent(before, before)).toEqual([]);
  });

  it('records whether the child and the guardians accept the plan, as a change like any other', () => {
    const before = content();
    const after = content({ childView: { ...before.childView, agreement: 'agreed' }, guardiansView: { ...before.guardiansView, agreement: 'not_agreed' } });
    expect(diffPlanContent(before, after).map((c) => [c.path, c.after, c.label.sv])).toEqual([
      ['childView.agreement', 'agreed', 'Barnets svar på planen'],
      ['guardiansView.agreement', 'not_agreed', 'Vårdnadshavarnas svar på planen'],
    ]);
    // Not a condition for activation: accepting a plan is voluntary.
    expect(activationProblems({ content: after, agencies: ['school'], hasLeadProfessional: false, today: '2026-11-23' })).toEqual([]);
    // Versions saved before the answer existed have none, and that is no change.
    const legacy = structuredClone(before) as PlanContent;
    delete (legacy.childView as Partial<PlanContent['childView']>).agreement;
    expect(diffPlanContent(legacy, before)).toEqual([]);
    expect(() => PlanContentSchema.parse({ ...before, childView: { ...before.childView, agreement: 'maybe' } })).toThrow();
  });

  it('lets a team member change only status and comment of their own unit’s actions', () => {
    const before = content();
    const mark = (id: string, field: 'status' | 'description') =>
      content({ needs: [{ ...before.needs[0]!, actions: before.needs[0]!.actions.map((a) => (a.id === id ? { ...a, [field]: field === 'status' ? 'ongoing' : 'Annat' } : a)) }] });
    expect(firstChangeOutsideOwnActions(before, mark('a2', 'status'), [SOCIAL])).toBeNull();
    expect(firstChangeOutsideOwnActions(before, mark('a1', 'status'), [SOCIAL])).toBe('needs.n1.actions.a1.status');
    expect(firstChangeOutsideOwnActions(before, mark('a2', 'description'), [SOCIAL])).toBe('needs.n1.actions.a2.description');
    expect(firstChangeOutsideOwnActions(before, content({ reason: 'Annat' }), [SOCIAL, SCHOOL])).toBe('reason');
  });

  it('carries a team member’s own action update over a newer version when nobody else touched it', () => {
    const base = content();
    const withAction = (c: PlanContent, id: string, patch: Partial<PlanContent['needs'][number]['actions'][number]>) =>
      content({ ...c, needs: [{ ...c.needs[0]!, actions: c.needs[0]!.actions.map((a) => (a.id === id ? { ...a, ...patch } : a)) }] });
    const mine = withAction(base, 'a2', { status: 'ongoing', comment: 'Första träffen bokad.' });

    // The lead professional changed the reason and the other action's due date meanwhile: both kept, mine added.
    const current = withAction(content({ reason: 'Hög frånvaro och oro hemma.' }), 'a1', { dueDate: '2026-12-05' });
    const merged = mergeOwnActionUpdates(base, current, mine, [SOCIAL]);
    expect(merged).not.toBeNull();
    expect(diffPlanContent(current, merged!).map((c) => c.path)).toEqual(['needs.n1.actions.a2.status', 'needs.n1.actions.a2.comment']);
    expect(merged!.reason).toBe('Hög frånvaro och oro hemma.');
    expect(current.needs[0]!.actions[1]!.status).toBe('planned'); // the current version itself is untouched

    // Someone else set the same field, moved the action to another unit, or removed it: no merge.
    expect(mergeOwnActionUpdates(base, withAction(base, 'a2', { status: 'done' }), mine, [SOCIAL])).toBeNull();
    expect(mergeOwnActionUpdates(base, withAction(base, 'a2', { responsibleUnitId: SCHOOL }), mine, [SOCIAL])).toBeNull();
    const removed = content({ needs: [{ ...base.needs[0]!, actions: [base.needs[0]!.actions[0]!] }] });
    expect(mergeOwnActionUpdates(base, removed, mine, [SOCIAL])).toBeNull();
    // Only one's own actions' status and comment are ever carried over.
    expect(mergeOwnActionUpdates(base, current, withAction(base, 'a2', { dueDate: '2027-02-01' }), [SOCIAL])).toBeNull();
    expect(mergeOwnActionUpdates(base, current, withAction(base, 'a1', { status: 'ongoing' }), [SOCIAL])).toBeNull();
  });

  it('lists actions past their due date that are neither done nor given up', () => {
    expect(overdueActions(content(), '2026-11-23').map((a) => a.id)).toEqual(['a1']);
    const done = content();
    done.needs[0]!.actions[0]!.status = 'done';
    expect(overdueActions(done, '2026-11-23')).toEqual([]);
  });
});

// ── Who starts, edits and leads ─────────────────────────────────────────────

const actor = (staffId: string, roles: { role: StaffRole; unitId: string; agencyType: AgencyType }[]): Actor => ({
  staffId,
  username: staffId,
  givenName: 'Test',
  familyName: 'Person',
  title: null,
  roles: roles.map((r) => ({ ...r, unitName: r.unitId, organisationId: 'o1', municipalityId: 'm1', canSeeProtected: false })),
  primaryUnitId: roles[0]?.unitId ?? null,
});
const consentFor = (agency: AgencyType, categories: ConsentScope['categories']): ConsentScope => ({ recipientUnitIds: [], recipientAgencyTypes: [agency], categories, purposes: ['childs_plan'] });
const facts = (over: Partial<ChildAccessFacts> = {}): ChildAccessFacts => ({
  childId: 'c1',
  municipalityId: 'm1',
  protectedIdentity: false,
  currentEnrollmentUnitIds: ['school'],
  namedPersonStaffId: 'principal',
  teamMembers: [{ staffId: 'social', unitId: 'soc', agencyType: 'social_services' }],
  activeConsents: [consentFor('social_services', ['plan'])],
  emergencyAccessStaffIds: [],
  ...over,
});
const plan: RecordFacts = { kind: 'plan', childId: 'c1', owningUnitId: 'school', owningAgencyType: 'school', owningOrganisationId: 'o1', category: 'plan' };
const principal = actor('principal', [{ role: 'school_principal', unitId: 'school', agencyType: 'school' }]);
const social = actor('social', [{ role: 'social_worker', unitId: 'soc', agencyType: 'social_services' }]);
const teacher = actor('teacher', [{ role: 'teacher', unitId: 'school', agencyType: 'school' }]);
const police = actor('police', [{ role: 'police_officer', unitId: 'pol', agencyType: 'police' }]);

describe('who starts, edits and leads the plan', () => {
  it('lets the named person, the lead professional and social services start it – for a child they can see', () => {
    expect(canStartPlan(principal, facts(), null)).toEqual({ allowed: true, basis: 'named_person' });
    expect(canStartPlan(social, facts(), null)).toEqual({ allowed: true, basis: 'social_services' });
    expect(canStartPlan(teacher, facts(), null).allowed).toBe(false);
    expect(canStartPlan(social, facts({ activeConsents: [] }), null).allowed).toBe(false);
    expect(canStartPlan(police, facts(), 'police').allowed).toBe(false);
  });

  it('lets the lead professional and the named person edit, only while they may read it', () => {
    expect(canEditPlan(principal, facts(), plan, 'social')).toEqual({ allowed: true, basis: 'named_person' });
    expect(canEditPlan(social, facts(), plan, 'social')).toEqual({ allowed: true, basis: 'lead_professional' });
    expect(canEditPlan(social, facts(), plan, null).allowed).toBe(false);
    // The consent no longer covers `plan` (withdrawn or narrowed): the lead professional loses editing with reading.
    expect(canEditPlan(social, facts({ activeConsents: [consentFor('social_services', ['wellbeing'])] }), plan, 'social').allowed).toBe(false);
    expect(canEditPlan(teacher, facts(), plan, 'social').allowed).toBe(false);
  });

  it('gives a team member who reads the plan their own units for action updates, and no one else any', () => {
    expect(planActionUnits(social, facts(), plan)).toEqual(['soc']);
    expect(planActionUnits(teacher, facts(), plan)).toEqual(['school']);
    expect(planActionUnits(police, facts(), plan)).toEqual([]);
    expect(planActionUnits(social, facts({ activeConsents: [] }), plan)).toEqual([]);
  });

  it('lets the team manager or the current lead professional appoint the next one', () => {
    expect(canAppointLeadProfessional(principal, facts(), null).allowed).toBe(true);
    expect(canAppointLeadProfessional(teacher, facts(), null).allowed).toBe(true);
    expect(canAppointLeadProfessional(social, facts(), 'social')).toEqual({ allowed: true, basis: 'lead_professional' });
    expect(canAppointLeadProfessional(social, facts(), null).allowed).toBe(false);
    expect(canAppointLeadProfessional(police, facts(), null).allowed).toBe(false);
  });
});
