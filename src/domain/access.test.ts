import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ChildAccessFacts,
  authorize,
  canActOnConcern,
  canAssignNamedPerson,
  canReadBasicRecord,
  canVerifyAuditTrail,
  concernView,
  isConcernRaiser,
  isConcernRecipient,
  type RecordFacts,
  canRegisterChild,
  canSeeProtectedIdentity,
} from './access.ts';
import { AppError } from './errors.ts';
import type { StaffRole } from './types.ts';

const actor = (roles: { role: StaffRole; unitId: string; canSeeProtected?: boolean }[], staffId = 's1'): Actor => ({
  staffId,
  username: staffId,
  givenName: 'Test',
  familyName: 'Person',
  title: null,
  roles: roles.map((r) => ({
    role: r.role,
    unitId: r.unitId,
    unitName: r.unitId,
    agencyType: 'school',
    organisationId: 'o1',
    municipalityId: 'm1',
    canSeeProtected: r.canSeeProtected ?? false,
  })),
  primaryUnitId: roles[0]?.unitId ?? null,
});

const child = (over: Partial<ChildAccessFacts> = {}): ChildAccessFacts => ({
  childId: 'c1',
  municipalityId: 'm1',
  protectedIdentity: false,
  teamMembers: [],
  activeConsents: [],
  emergencyAccessStaffIds: [],
  currentEnrollmentUnitIds: ['school-a'],
  namedPersonStaffId: 'principal-a',
  ...over,
});

describe('reading the basic record', () => {
  it('lets staff of a unit where the child is enrolled read it', () => {
    expect(canReadBasicRecord(actor([{ role: 'teacher', unitId: 'school-a' }]), child())).toEqual({
      allowed: true,
      basis: 'enrolled_at_unit',
    });
  });

  it('lets the named person read it wherever they work', () => {
    expect(canReadBasicRecord(actor([{ role: 'school_principal', unitId: 'school-b' }], 'principal-a'), child())).toEqual({
      allowed: true,
      basis: 'named_person',
    });
  });

  it('denies staff of another unit, and managers or administrators of the same unit', () => {
    expect(canReadBasicRecord(actor([{ role: 'teacher', unitId: 'school-b' }]), child()).allowed).toBe(false);
    expect(canReadBasicRecord(actor([{ role: 'manager', unitId: 'school-a' }]), child()).allowed).toBe(false);
    expect(canReadBasicRecord(actor([{ role: 'administrator', unitId: 'school-a' }]), child()).allowed).toBe(false);
    expect(canReadBasicRecord(actor([]), child()).allowed).toBe(false);
  });

  it('denies everyone when the child has no current enrollment and no named person', () => {
    const alone = child({ currentEnrollmentUnitIds: [], namedPersonStaffId: null });
    expect(canReadBasicRecord(actor([{ role: 'teacher', unitId: 'school-a' }]), alone).allowed).toBe(false);
  });

  it('authorize() throws not_found by default, so a denial never reveals the record', () => {
    expect(() => authorize({ allowed: false })).toThrowError(AppError);
    try {
      authorize({ allowed: false });
    } catch (e) {
      expect((e as AppError).code).toBe('not_found');
    }
  });
});

describe('protected identity', () => {
  const hidden = child({ protectedIdentity: true });
  it('is visible to the named person and to explicitly granted roles only', () => {
    expect(canSeeProtectedIdentity(actor([{ role: 'school_principal', unitId: 'x' }], 'principal-a'), hidden)).toBe(true);
    expect(canSeeProtectedIdentity(actor([{ role: 'social_worker', unitId: 'x', canSeeProtected: true }]), hidden)).toBe(true);
    expect(canSeeProtectedIdentity(actor([{ role: 'teacher', unitId: 'school-a' }]), hidden)).toBe(false);
  });
  it('does not apply to other children', () => {
    expect(canSeeProtectedIdentity(actor([{ role: 'teacher', unitId: 'school-a' }]), child())).toBe(true);
  });
});

describe('changing the named person', () => {
  it('is for the named person and for named-person roles at the child’s unit', () => {
    expect(canAssignNamedPerson(actor([{ role: 'school_principal', unitId: 'z' }], 'principal-a'), child()).allowed).toBe(true);
    expect(canAssignNamedPerson(actor([{ role: 'school_principal', unitId: 'school-a' }]), child()).allowed).toBe(true);
    expect(canAssignNamedPerson(actor([{ role: 'teacher', unitId: 'school-a' }]), child()).allowed).toBe(false);
    expect(canAssignNamedPerson(actor([{ role: 'school_principal', unitId: 'school-b' }]), child()).allowed).toBe(false);
  });
});

describe('registering children', () => {
  it('is for administrators', () => {
    expect(canRegisterChild(actor([{ role: 'administrator', unitId: 'x' }]))).toBe(true);
    expect(canRegisterChild(actor([{ role: 'school_principal', unitId: 'x' }]))).toBe(false);
  });
});

describe('concerns', () => {
  // Lena teaches at school-b and raises a concern about a pupil of school-a, whose named person is principal-a.
  const concern = (over: Partial<RecordFacts> = {}): RecordFacts => ({
    kind: 'concern',
    childId: 'c1',
    owningUnitId: 'school-b',
    owningAgencyType: 'school',
    owningOrganisationId: 'o1',
    category: 'concern',
    recipientStaffId: 'principal-a',
    raisedByStaffId: 'lena',
    ...over,
  });
  const lena = actor([{ role: 'teacher', unitId: 'school-b' }], 'lena');
  const colleague = actor([{ role: 'teacher', unitId: 'school-b' }], 'karl');
  const principal = actor([{ role: 'school_principal', unitId: 'school-a' }], 'principal-a');

  it('the recipient reads it in full and acts on it', () => {
    expect(isConcernRecipient(principal, concern())).toBe(true);
    expect(concernView(principal, child(), concern())).toEqual({ allowed: true, view: 'full', basis: 'concern_recipient' });
    expect(canActOnConcern(principal, child(), concern()).allowed).toBe(true);
  });

  it('the raiser who cannot see the child gets the status view and cannot act', () => {
    expect(isConcernRaiser(lena, concern())).toBe(true);
    expect(concernView(lena, child(), concern())).toEqual({ allowed: true, view: 'status', basis: 'raiser' });
    expect(canActOnConcern(lena, child(), concern()).allowed).toBe(false);
  });

  it('a colleague at the raising unit gets nothing unless the child is enrolled there', () => {
    expect(concernView(colleague, child(), concern())).toEqual({ allowed: false });
    expect(concernView(colleague, child({ currentEnrollmentUnitIds: ['school-b'] }), concern())).toEqual({ allowed: true, view: 'full', basis: 'owning_unit' });
  });

  it('a concern that reached no one is the social-services intake’s of the child’s municipality – and only theirs', () => {
    const unrouted = concern({ recipientStaffId: null });
    const alone = child({ currentEnrollmentUnitIds: [], namedPersonStaffId: null });
    expect(isConcernRecipient(principal, unrouted)).toBe(false);
    expect(canActOnConcern(principal, alone, unrouted).allowed).toBe(false);
    const intakeHere: Actor = { ...actor([], 'ida'), roles: [{ ...actor([{ role: 'intake_social_worker', unitId: 'soc' }]).roles[0]!, agencyType: 'social_services' }] };
    expect(concernView(intakeHere, alone, unrouted)).toEqual({ allowed: true, view: 'full', basis: 'unrouted_concern_intake' });
    expect(canActOnConcern(intakeHere, alone, unrouted)).toEqual({ allowed: true, basis: 'unrouted_concern_intake' });
    // Another municipality's intake, and any intake once the concern has a recipient: nothing.
    expect(concernView(intakeHere, { ...alone, municipalityId: 'm2' }, unrouted)).toEqual({ allowed: false });
    expect(canActOnConcern(intakeHere, { ...alone, municipalityId: 'm2' }, unrouted).allowed).toBe(false);
    expect(concernView(intakeHere, alone, concern()).allowed).toBe(false);
    expect(canActOnConcern(intakeHere, alone, concern()).allowed).toBe(false);
  });
});

describe('the audit trail itself', () => {
  it('log reviewers and administrators may verify the chain; others may not', () => {
    expect(canVerifyAuditTrail(actor([{ role: 'log_reviewer', unitId: 'x' }]))).toBe(true);
    expect(canVerifyAuditTrail(actor([{ role: 'administrator', unitId: 'x' }]))).toBe(true);
    expect(canVerifyAuditTrail(actor([{ role: 'manager', unitId: 'x' }]))).toBe(false);
    expect(canVerifyAuditTrail(actor([{ role: 'school_principal', unitId: 'x' }]))).toBe(false);
  });
});
