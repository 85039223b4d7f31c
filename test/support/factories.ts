/**
 * Factories: each test builds its own small world with random ids and unique
 * names, so tests never depend on each other and never truncate tables.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.ts';
import {
  children,
  collaborationAreas,
  enrollments,
  guardians,
  guardianships,
  organisations,
  staff,
  staffRoles,
  units,
} from '../../src/db/schema/index.ts';
import { generatePersonnummer } from '../../src/domain/personnummer.ts';
import type { AgencyType, EnrollmentKind, StaffRole } from '../../src/domain/types.ts';
import { today } from '../../src/services/clock.ts';
import { applyHandoverForChild } from '../../src/services/named-person.ts';
import { hashPassword } from '../../src/services/passwords.ts';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;
const testHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

const tag = () => randomBytes(4).toString('hex');

/** A date `years` (and `days`) before today, YYYY-MM-DD. */
export function birthDateForAge(years: number, extraDays = 30): string {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
}

export function uniquePersonnummer(birthDate: string): string {
  return generatePersonnummer(birthDate, randomInt(0, 1000));
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** A municipality with a school, a second school, a child-health centre, social services and the police. */
export async function makeWorld(db: Db, options: { profileKey?: string } = {}) {
  const t = tag();
  const [area] = await db.insert(collaborationAreas).values({ name: `Testområde ${t}` }).returning();
  const [municipality] = await db
    .insert(organisations)
    .values({ areaId: area!.id, kind: 'municipality', name: `Testkommun ${t}`, modelProfileKey: options.profileKey ?? 'tsi' })
    .returning();
  const [region] = await db.insert(organisations).values({ areaId: area!.id, kind: 'region', name: `Testregion ${t}` }).returning();
  const [police] = await db
    .insert(organisations)
    .values({ areaId: area!.id, kind: 'police_authority', name: `Polisen ${t}` })
    .returning();

  const unit = async (name: string, agencyType: AgencyType, organisationId = municipality!.id) => {
    const [u] = await db
      .insert(units)
      .values({ organisationId, municipalityId: municipality!.id, agencyType, name: `${name} ${t}`, phone: '010-000 00 00' })
      .returning();
    return u!;
  };
  const school = await unit('Ekskolan', 'school');
  const otherSchool = await unit('Björkskolan', 'school');
  const preschool = await unit('Förskolan Lönnen', 'preschool');
  const bvc = await unit('BVC Centrum', 'child_health_care', region!.id);
  const socialServices = await unit('Socialtjänsten', 'social_services');
  const policeUnit = await unit('Lokalpolisområdet', 'police', police!.id);

  const person = async (username: string, role: StaffRole, unitId: string, extra: { canSeeProtected?: boolean } = {}) => {
    const [s] = await db
      .insert(staff)
      .values({
        username: `${username}.${t}`,
        passwordHash: await testHash(),
        givenName: username.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()),
        familyName: `Test${t}`,
        title: role,
        phone: '070-000 00 00',
      })
      .returning();
    await db.insert(staffRoles).values({ staffId: s!.id, unitId, role, canSeeProtected: extra.canSeeProtected ?? false });
    return s!;
  };
  const principal = await person('anna.rektor', 'school_principal', school.id);
  const otherPrincipal = await person('olle.rektor', 'school_principal', otherSchool.id);
  const teacher = await person('lena.larare', 'teacher', school.id);
  const preschoolPrincipal = await person('pia.forskola', 'preschool_principal', preschool.id);
  const nurse = await person('bo.bvc', 'child_health_nurse', bvc.id);
  const socialWorker = await person('cecilia.soc', 'social_worker', socialServices.id, { canSeeProtected: true });
  const policeOfficer = await person('erik.polis', 'police_officer', policeUnit.id);
  const admin = await person('gun.admin', 'administrator', socialServices.id);

  /** A child of the given age, enrolled at a unit, with two guardians, named person applied. */
  const makeChild = async (opts: {
    age: number;
    at?: { unitId: string; kind: EnrollmentKind; groupName?: string; startDate?: string; endDate?: string | null }[];
    protectedIdentity?: boolean;
    givenName?: string;
    familyName?: string;
    extraDays?: number;
  }) => {
    const birthDate = birthDateForAge(opts.age, opts.extraDays ?? 30);
    // Children of one age share a birth date and so 1,000 serials across every test file on a shared
    // PostgreSQL database: draw again when the number is taken (the birthday paradox makes that likely).
    let c: typeof children.$inferSelect | undefined;
    for (let attempt = 0; !c; attempt++) {
      if (attempt === 50) throw new Error(`no free personnummer for ${birthDate}`);
      [c] = await db
        .insert(children)
        .values({
          municipalityId: municipality!.id,
          personnummer: uniquePersonnummer(birthDate),
          givenName: opts.givenName ?? `Barn${tag()}`,
          familyName: opts.familyName ?? `Efternamn${t}`,
          birthDate,
          address: 'Testgatan 1',
          postalCode: '123 45',
          city: 'Testby',
          protectedIdentity: opts.protectedIdentity ?? false,
          isTestData: true,
        })
        .onConflictDoNothing({ target: children.personnummer })
        .returning();
    }
    for (const e of opts.at ?? []) {
      await db.insert(enrollments).values({
        municipalityId: municipality!.id,
        childId: c!.id,
        unitId: e.unitId,
        kind: e.kind,
        groupName: e.groupName ?? null,
        startDate: e.startDate ?? birthDate,
        endDate: e.endDate ?? null,
      });
    }
    const [g1] = await db
      .insert(guardians)
      .values({ municipalityId: municipality!.id, givenName: 'Maria', familyName: `Förälder${t}`, phone: '070-111 11 11', isTestData: true })
      .returning();
    const [g2] = await db
      .insert(guardians)
      .values({ municipalityId: municipality!.id, givenName: 'Karim', familyName: `Förälder${t}`, phone: '070-222 22 22', isTestData: true })
      .returning();
    await db.insert(guardianships).values([
      { municipalityId: municipality!.id, childId: c!.id, guardianId: g1!.id, custody: true },
      { municipalityId: municipality!.id, childId: c!.id, guardianId: g2!.id, custody: true },
    ]);
    await applyHandoverForChild(db, c!.id);
    return c!;
  };

  return {
    tag: t,
    area: area!,
    municipality: municipality!,
    units: { school, otherSchool, preschool, bvc, socialServices, policeUnit },
    staff: { principal, otherPrincipal, teacher, preschoolPrincipal, nurse, socialWorker, policeOfficer, admin },
    makeChild,
  };
}

/** Signs in through the real endpoint and returns the cookie header for later requests. */
let signIns = 0;

/**
 * Signs in through the API. Each call comes from its own address so that a
 * test file's many sign-ins never meet the login rate limit (30 a minute per
 * address); the rate limit itself is tested in foundation.test.ts.
 */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<{ cookie: string }> {
  signIns++;
  const remoteAddress = `10.${(signIns >> 16) & 255}.${(signIns >> 8) & 255}.${signIns & 255}`;
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${username}: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return { cookie: first!.split(';')[0]! };
}

/** Gives a staff member one more role at a unit (e.g. `log_reviewer`), valid from today. */
export async function addStaffRole(
  db: Db,
  options: { staffId: string; unitId: string; role: StaffRole; canSeeProtected?: boolean },
): Promise<void> {
  await db.insert(staffRoles).values({
    staffId: options.staffId,
    unitId: options.unitId,
    role: options.role,
    canSeeProtected: options.canSeeProtected ?? false,
  });
}

/** A new professional (unique username, the test password) holding one role at a unit. */
export async function makeStaffMember(db: Db, options: { username: string; unitId: string; role: StaffRole }) {
  const [s] = await db
    .insert(staff)
    .values({
      username: `${options.username}.${tag()}`,
      passwordHash: await testHash(),
      givenName: options.username.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()),
      familyName: `Test${tag()}`,
      title: options.role,
    })
    .returning();
  await addStaffRole(db, { staffId: s!.id, unitId: options.unitId, role: options.role });
  return s!;
}
