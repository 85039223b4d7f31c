/**
 * The synthetic collaboration area: two fictional municipalities (TSI and
 * Kronobarnsmodellen), a region and the police, their units and staff (the
 * seven demo accounts among them), and children 0–17 with guardians and
 * enrollments. Every person is generated and flagged as test data.
 *
 * `planDemo` is pure and deterministic for a given seed – ids included, so the
 * named-person spread is reproducible too. `seedDemo` writes the plan in one
 * transaction (all or nothing), bulk-loading the population in chunks with one
 * `json_to_recordset` statement per table and chunk (the same on PGlite and
 * PostgreSQL), generating the next chunk while the database stores the last.
 */
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows } from '../db/client.ts';
import { addYears } from '../domain/age.ts';
import { addDays, daysBetween, isIsoDate } from '../domain/dates.ts';
import { generatePersonnummer } from '../domain/personnummer.ts';
import type { AgencyType, EnrollmentKind, OrganisationKind, StaffRole } from '../domain/types.ts';
import { type BulkColumn, bulkInsert } from './bulk.ts';
import { today as todayInZone } from './clock.ts';
import { applyDueHandovers } from './named-person.ts';
import { hashPassword } from './passwords.ts';
import { ensureBuiltInProfiles } from './profiles.ts';
import { seedDemoAssessments } from './seed-assessments.ts';
import { seedDemoConcerns } from './seed-concerns.ts';
import { seedMeetings } from './seed-meetings.ts';
import { seedDemoPlans } from './seed-plans.ts';
import * as data from './seed-data.ts';

export const DEMO_PASSWORD = 'samsyn-demo';
export const DEMO_USERNAMES = ['anna.rektor', 'bo.bvc', 'cecilia.soc', 'david.bup', 'erik.polis', 'fia.chef', 'gun.admin'] as const;

export type SeedOptions = {
  db: Db;
  children: number;
  /** PRNG seed (default 1): the same seed gives the same area, people and ids. */
  seed?: number;
  /** The day the population is generated for (YYYY-MM-DD); defaults to today in Sweden. */
  today?: string;
  onProgress?: (phase: string, done: number, total: number) => void;
};

export type SeedResult = {
  areaId: string;
  municipalities: { id: string; name: string }[];
  children: number;
  guardians: number;
  staff: number;
};

// ── Seeded randomness ───────────────────────────────────────────────────────

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [0, n). */
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  /** A version-4 formatted UUID drawn from this stream. */
  uuid(): string;
};

/** mulberry32: a small, fast, seedable PRNG (never `Math.random`). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => next32() / 4294967296;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    uuid: () => {
      const h = hex(next32()) + hex((next32() & 0xffff0fff) | 0x4000) + hex((next32() & 0x3fffffff) | 0x80000000) + hex(next32());
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

// ── Rows (snake_case: they go to json_to_recordset as they are) ──────────────

type OrganisationRow = { id: string; area_id: string; kind: OrganisationKind; name: string; code: string | null; model_profile_key: string | null };
type UnitRow = { id: string; organisation_id: string; municipality_id: string; agency_type: AgencyType; name: string; phone: string; address: string };
type StaffRow = { id: string; username: string; password_hash: string; given_name: string; family_name: string; title: string; email: string; phone: string; is_test_data: true };
type StaffRoleRow = { id: string; staff_id: string; unit_id: string; role: StaffRole; can_see_protected: boolean; valid_from: string };
type ChildRow = {
  id: string;
  municipality_id: string;
  personnummer: string;
  is_coordination_number: boolean;
  given_name: string;
  family_name: string;
  birth_date: string;
  address: string;
  postal_code: string;
  city: string;
  protected_identity: boolean;
  is_test_data: true;
};
type GuardianRow = {
  id: string;
  municipality_id: string;
  personnummer: string;
  given_name: string;
  family_name: string;
  phone: string;
  email: string | null;
  address: string;
  is_test_data: true;
};
type GuardianshipRow = { municipality_id: string; child_id: string; guardian_id: string; custody: boolean; relationship: string };
type EnrollmentRow = {
  id: string;
  municipality_id: string;
  child_id: string;
  unit_id: string;
  kind: EnrollmentKind;
  group_name: string | null;
  start_date: string;
  end_date: string | null;
};

const COLUMNS = {
  organisations: [['id', 'uuid'], ['area_id', 'uuid'], ['kind', 'organisation_kind'], ['name', 'text'], ['code', 'text'], ['model_profile_key', 'text']],
  units: [['id', 'uuid'], ['organisation_id', 'uuid'], ['municipality_id', 'uuid'], ['agency_type', 'agency_type'], ['name', 'text'], ['phone', 'text'], ['address', 'text']],
  staff: [['id', 'uuid'], ['username', 'text'], ['password_hash', 'text'], ['given_name', 'text'], ['family_name', 'text'], ['title', 'text'], ['email', 'text'], ['phone', 'text'], ['is_test_data', 'boolean']],
  staff_roles: [['id', 'uuid'], ['staff_id', 'uuid'], ['unit_id', 'uuid'], ['role', 'staff_role'], ['can_see_protected', 'boolean'], ['valid_from', 'date']],
  children: [
    ['id', 'uuid'], ['municipality_id', 'uuid'], ['personnummer', 'text'], ['is_coordination_number', 'boolean'], ['given_name', 'text'],
    ['family_name', 'text'], ['birth_date', 'date'], ['address', 'text'], ['postal_code', 'text'], ['city', 'text'],
    ['protected_identity', 'boolean'], ['is_test_data', 'boolean'],
  ],
  guardians: [
    ['id', 'uuid'], ['municipality_id', 'uuid'], ['personnummer', 'text'], ['given_name', 'text'], ['family_name', 'text'],
    ['phone', 'text'], ['email', 'text'], ['address', 'text'], ['is_test_data', 'boolean'],
  ],
  guardianships: [['municipality_id', 'uuid'], ['child_id', 'uuid'], ['guardian_id', 'uuid'], ['custody', 'boolean'], ['relationship', 'text']],
  enrollments: [
    ['id', 'uuid'], ['municipality_id', 'uuid'], ['child_id', 'uuid'], ['unit_id', 'uuid'], ['kind', 'enrollment_kind'],
    ['group_name', 'text'], ['start_date', 'date'], ['end_date', 'date'],
  ],
} satisfies Record<string, readonly BulkColumn[]>;

export type PopulationBatch = { children: ChildRow[]; guardians: GuardianRow[]; guardianships: GuardianshipRow[]; enrollments: EnrollmentRow[] };

type MunicipalityPlan = {
  id: string;
  name: string;
  city: string;
  postalPrefix: string;
  children: number;
  maternity: UnitRow[];
  bvcs: UnitRow[];
  preschools: UnitRow[];
  schools: UnitRow[];
  upperSecondary: UnitRow[];
};

export type DemoPlan = {
  areaId: string;
  municipalities: MunicipalityPlan[];
  organisations: OrganisationRow[];
  units: UnitRow[];
  staff: StaffRow[];
  staffRoles: StaffRoleRow[];
  /** The children, their guardians and enrollments, `batchSize` children at a time. Consume once. */
  population(batchSize: number): Generator<PopulationBatch>;
};

// ── Names ───────────────────────────────────────────────────────────────────

/** The i-th name of prefix × suffix compounds ("Ekskolan", "Björkskolan", … "Ekdalsskolan"), numbered when exhausted. */
function compoundName(i: number, suffixes: readonly string[], offset: number): string {
  const prefixes = data.NAME_PREFIXES;
  const prefix = prefixes[(i + offset) % prefixes.length]!;
  const round = Math.floor(i / prefixes.length);
  const name = prefix + suffixes[round % suffixes.length]!;
  const lap = Math.floor(round / suffixes.length);
  return lap === 0 ? name : `${name} ${lap + 1}`;
}

function districtName(i: number, city: string, offset: number): string {
  const central = [`${city} centrum`, `Norra ${city}`, `Södra ${city}`, `Östra ${city}`, `Västra ${city}`];
  if (i < central.length) return central[i]!;
  const name = compoundName(i - central.length, data.DISTRICT_SUFFIXES, offset);
  return name.charAt(0) + name.slice(1).toLowerCase();
}

/** ASCII for user names and e-mail addresses: "Jönsson" → "jonsson", "Kovačević" → "kovacevic". */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

// ── The plan ────────────────────────────────────────────────────────────────

/** Autumn term starts: preschool class and school enrollments start on this day. */
const TERM_START = '-08-18';

/**
 * Plans the area for `children` children: organisations, units scaled to the
 * population (about one school per 400 pupils, one preschool per 80 children,
 * one child-health centre per 600 small children), staff with the roles every
 * named-person chain needs at every unit, and a generator for the population.
 */
export function planDemo(options: { children: number; seed?: number; today: string; passwordHash: string }): DemoPlan {
  const total = options.children;
  const on = options.today;
  const rng = createRandom(options.seed ?? 1);
  const ids = createRandom(((options.seed ?? 1) ^ 0x5eed5eed) >>> 0);
  const newId = ids.uuid;

  const areaId = newId();
  const regionId = newId();
  const policeId = newId();
  const organisations: OrganisationRow[] = [];
  const units: UnitRow[] = [];
  const staff: StaffRow[] = [];
  const staffRoles: StaffRoleRow[] = [];

  const counts = data.MUNICIPALITIES.map((m) => Math.round(total * m.share));
  counts[counts.length - 1] = total - counts.slice(0, -1).reduce((a, b) => a + b, 0);

  const unit = (organisationId: string, municipality: { id: string; city: string; postalPrefix: string }, agencyType: AgencyType, name: string): UnitRow => {
    const row: UnitRow = {
      id: newId(),
      organisation_id: organisationId,
      municipality_id: municipality.id,
      agency_type: agencyType,
      name,
      phone: data.fictionalLandline(units.length),
      address: `${rng.pick(data.STREETS)} ${1 + rng.int(40)}, ${municipality.postalPrefix} ${String(10 + rng.int(90))} ${municipality.city}`,
    };
    units.push(row);
    return row;
  };
  const many = (n: number, make: (i: number) => UnitRow) => Array.from({ length: n }, (_, i) => make(i));
  const scaled = (people: number, perUnit: number) => Math.max(1, Math.ceil(people / perUnit));

  const municipalities = data.MUNICIPALITIES.map((m, index) => {
    const id = newId();
    organisations.push({ id, area_id: areaId, kind: 'municipality', name: m.name, code: m.code, model_profile_key: m.profileKey });
    return { ...m, id, index, children: counts[index]! };
  });
  organisations.push(
    { id: regionId, area_id: areaId, kind: 'region', name: data.REGION_NAME, code: data.REGION_CODE, model_profile_key: null },
    { id: policeId, area_id: areaId, kind: 'police_authority', name: data.POLICE_NAME, code: null, model_profile_key: null },
  );

  const perMunicipality = municipalities.map((m) => {
    const perYear = m.children / 18;
    // The second municipality's names start further down the lists, so the two read differently.
    const offset = m.index * 11;
    const district = (i: number) => districtName(i, m.city, offset);
    return {
      m,
      maternity: many(scaled(perYear, 1_200), (i) => unit(regionId, m, 'maternity_care', `Barnmorskemottagningen ${district(i)}`)),
      bvcs: many(scaled(perYear * 6, 600), (i) => unit(regionId, m, 'child_health_care', `BVC ${district(i)}`)),
      preschools: many(scaled(perYear * 5, 80), (i) => unit(m.id, m, 'preschool', `Förskolan ${compoundName(i, data.PRESCHOOL_SUFFIXES, offset)}`)),
      schools: many(scaled(perYear * 10, 400), (i) => unit(m.id, m, 'school', compoundName(i, data.SCHOOL_SUFFIXES, offset))),
      upperSecondary: many(scaled(perYear * 3, 900), (i) =>
        unit(m.id, m, 'upper_secondary', i === 0 ? `${m.city} gymnasium` : compoundName(i - 1, ['gymnasiet'], offset + 5)),
      ),
      pupilHealth: unit(m.id, m, 'pupil_health', `Elevhälsan ${m.city}`),
      social: unit(m.id, m, 'social_services', `Socialtjänsten ${m.city}, barn och familj`),
      leisure: many(scaled(perYear * 6, 1_500), (i) => unit(m.id, m, 'leisure', `Fritidsgården ${district(i)}`)),
      primaryCare: many(scaled(m.children, 2_500), (i) => unit(regionId, m, 'primary_care', `Vårdcentralen ${district(i)}`)),
      dental: many(scaled(m.children, 5_000), (i) => unit(regionId, m, 'dental_care', `Folktandvården ${district(i)}`)),
      police: unit(policeId, m, 'police', `Lokalpolisområde Exempelbygd, ${m.city}`),
    };
  });
  const bup = many(scaled(total, 40_000), (i) => {
    const m = municipalities[i % municipalities.length]!;
    return unit(regionId, m, 'child_psychiatry', i === 0 ? 'BUP Exempelbygd' : `BUP ${districtName(Math.floor(i / municipalities.length), m.city, 0)}`);
  });

  // ── Staff ──
  const usernames = new Set<string>(DEMO_USERNAMES);
  const roleStart = addYears(on < todayInZone() ? on : todayInZone(), -1);
  type RoleSpec = { unit: UnitRow; role: StaffRole; canSeeProtected?: boolean };
  const person = (username: string, givenName: string, familyName: string, title: string, roles: RoleSpec[]) => {
    const id = newId();
    staff.push({
      id,
      username,
      password_hash: options.passwordHash,
      given_name: givenName,
      family_name: familyName,
      title,
      email: `${username}@${data.EMAIL_DOMAIN}`,
      phone: data.fictionalMobile(staff.length),
      is_test_data: true,
    });
    for (const r of roles) {
      staffRoles.push({
        id: newId(),
        staff_id: id,
        unit_id: r.unit.id,
        role: r.role,
        can_see_protected: r.canSeeProtected ?? false,
        valid_from: addYears(roleStart, -rng.int(12)),
      });
    }
  };
  const generated = (title: string, unit: UnitRow, role: StaffRole, canSeeProtected = false) => {
    const female = rng.chance(0.7);
    const givenName = rng.pick(female ? data.GIVEN_NAMES_WOMEN : data.GIVEN_NAMES_MEN);
    const familyName = rng.pick(data.FAMILY_NAMES);
    const base = `${ascii(givenName)}.${ascii(familyName)}`;
    let username = base;
    for (let n = 2; usernames.has(username); n++) username = `${base}${n}`;
    usernames.add(username);
    person(username, givenName, familyName, title, [{ unit, role, canSeeProtected }]);
  };
  const times = (n: number, make: () => void) => {
    for (let i = 0; i < n; i++) make();
  };

  // The seven demo accounts (README): at the first units of the first municipality.
  const first = perMunicipality[0]!;
  person('anna.rektor', 'Anna', 'Rektorsson', 'Rektor', [{ unit: first.schools[0]!, role: 'school_principal' }]);
  person('bo.bvc', 'Bo', 'Berg', 'BVC-sjuksköterska', [{ unit: first.bvcs[0]!, role: 'child_health_nurse' }]);
  person('cecilia.soc', 'Cecilia', 'Sund', 'Socialsekreterare', [
    { unit: first.social, role: 'social_worker', canSeeProtected: true },
    { unit: first.social, role: 'intake_social_worker', canSeeProtected: true },
  ]);
  person('david.bup', 'David', 'Lind', 'Psykolog', [{ unit: bup[0]!, role: 'clinician' }]);
  person('erik.polis', 'Erik', 'Holm', 'Polisinspektör', [{ unit: first.police, role: 'police_officer' }]);
  person('fia.chef', 'Fia', 'Ek', 'Verksamhetschef', [{ unit: first.social, role: 'manager' }]);
  person('gun.admin', 'Gun', 'Ström', 'Systemförvaltare', [
    { unit: first.social, role: 'administrator' },
    { unit: first.social, role: 'log_reviewer' },
  ]);

  // Generated staff: every unit has the role its named-person stage needs, and the people its work needs.
  for (const [i, pm] of perMunicipality.entries()) {
    const isFirst = i === 0;
    for (const u of pm.maternity) times(1 + rng.int(3), () => generated('Barnmorska', u, 'midwife'));
    for (const [b, u] of pm.bvcs.entries()) times(isFirst && b === 0 ? 1 : 1 + rng.int(3), () => generated('BVC-sjuksköterska', u, 'child_health_nurse'));
    for (const u of pm.preschools) {
      generated('Förskolerektor', u, 'preschool_principal');
      times(1 + rng.int(2), () => generated('Förskollärare', u, 'preschool_teacher'));
    }
    for (const [s, u] of pm.schools.entries()) {
      if (!(isFirst && s === 0)) generated('Rektor', u, 'school_principal');
      times(2 + rng.int(2), () => generated('Lärare', u, 'teacher'));
    }
    for (const u of pm.upperSecondary) {
      generated('Rektor', u, 'school_principal');
      times(2, () => generated('Lärare', u, 'teacher'));
    }
    const schools = pm.schools.length + pm.upperSecondary.length;
    times(Math.ceil(schools / 3), () => generated('Skolsköterska', pm.pupilHealth, 'school_nurse'));
    times(Math.ceil(schools / 4), () => generated('Skolkurator', pm.pupilHealth, 'counsellor'));
    times(Math.ceil(schools / 8), () => generated('Skolpsykolog', pm.pupilHealth, 'psychologist'));
    times(Math.max(2, Math.ceil(pm.m.children / 2_500)), () => generated('Socialsekreterare', pm.social, 'social_worker', true));
    times(Math.max(1, Math.ceil(pm.m.children / 8_000)), () => generated('Socialsekreterare, mottagningen', pm.social, 'intake_social_worker', true));
    if (!isFirst) generated('Verksamhetschef', pm.social, 'manager');
    for (const u of pm.leisure) generated('Fritidsledare', u, 'leisure_staff');
    for (const u of pm.primaryCare) generated('Distriktssköterska', u, 'primary_care_staff');
    for (const u of pm.dental) generated('Tandhygienist', u, 'dental_staff');
    times(isFirst ? 1 : 2, () => generated('Polisassistent', pm.police, 'police_officer'));
  }
  for (const [i, u] of bup.entries()) times(i === 0 ? 1 : 2, () => generated(rng.chance(0.5) ? 'Psykolog' : 'Läkare', u, 'clinician'));

  const plans: MunicipalityPlan[] = perMunicipality.map((pm) => ({
    id: pm.m.id,
    name: pm.m.name,
    city: pm.m.city,
    postalPrefix: pm.m.postalPrefix,
    children: pm.m.children,
    maternity: pm.maternity,
    bvcs: pm.bvcs,
    preschools: pm.preschools,
    schools: pm.schools,
    upperSecondary: pm.upperSecondary,
  }));

  return {
    areaId,
    municipalities: plans,
    organisations,
    units,
    staff,
    staffRoles,
    population: (batchSize) => generatePopulation(plans, on, rng, newId, batchSize),
  };
}

/**
 * Birth numbers: unique per birth date (and per coordination day), the last
 * digit even for girls and odd for boys, spread over 000–999.
 */
function serialAllocator() {
  const used = new Map<string, number>();
  return (birthDate: string, female: boolean, coordination: boolean): number => {
    const key = `${birthDate}${female ? 'f' : 'm'}${coordination ? 'c' : ''}`;
    const n = used.get(key) ?? 0;
    if (n >= 500) throw new Error(`More than 500 people of one sex born on ${birthDate}: too many for unique personal identity numbers.`);
    used.set(key, n + 1);
    return 2 * ((n * 193 + 37) % 500) + (female ? 0 : 1);
  };
}

type Family = {
  municipalityId: string;
  familyName: string;
  address: string;
  postalCode: string;
  guardians: { id: string; custody: boolean }[];
  /** 0–1: where the family lives, which decides its nearest units. */
  home: number;
  protectedIdentity: boolean;
  youngestBirth: string;
  kids: number;
};

function* generatePopulation(
  plans: MunicipalityPlan[],
  on: string,
  rng: Random,
  newId: () => string,
  batchSize: number,
): Generator<PopulationBatch> {
  const serial = serialAllocator();
  const year = Number(on.slice(0, 4));
  // The school year that is running on `on` started this autumn or last.
  const termYear = on >= `${year}${TERM_START}` ? year : year - 1;
  // Birth window per age: born in (on − (a+1) years, on − a years].
  const windows = Array.from({ length: 18 }, (_, a) => {
    const end = addYears(on, -a);
    return { end, days: daysBetween(addYears(on, -(a + 1)), end) };
  });

  let batch: PopulationBatch = { children: [], guardians: [], guardianships: [], enrollments: [] };
  let family: Family | null = null;

  for (const m of plans) {
    /** The unit nearest a family's home, now and then another one (choice of school). */
    const near = (list: readonly UnitRow[], home: number, wander: number) =>
      rng.chance(wander) ? rng.pick(list) : list[Math.min(list.length - 1, Math.floor(home * list.length))]!;
    const address = () => ({
      street: `${rng.pick(data.STREETS)} ${1 + rng.int(60)}${rng.chance(0.2) ? ` lgh ${1001 + rng.int(4) * 100 + rng.int(6)}` : ''}`,
      postalCode: `${m.postalPrefix} ${String(10 + rng.int(90))}`,
    });

    for (let k = 0; k < m.children; k++) {
      const age = k % 18;
      const window = windows[age]!;
      // Siblings: the next child (one year older) joins the family now and then, born at least ~10 months earlier.
      let earliestOffset = 0;
      if (family && family.municipalityId === m.id && age > 0 && family.kids < 4 && rng.chance(0.3)) {
        earliestOffset = Math.max(0, daysBetween(addDays(family.youngestBirth, -300), window.end));
        if (earliestOffset >= window.days) family = null;
      } else {
        family = null;
      }
      const offset = earliestOffset + rng.int(window.days - earliestOffset);
      const birthDate = addDays(window.end, -offset);

      if (!family) {
        const home = address();
        const familyName = rng.pick(data.FAMILY_NAMES);
        const single = rng.chance(0.15);
        const sameSex = !single && rng.chance(0.02);
        const firstFemale = single ? rng.chance(0.8) : sameSex ? rng.chance(0.5) : true;
        const guardians: Family['guardians'] = [];
        for (let g = 0; g < (single ? 1 : 2); g++) {
          const female = g === 0 ? firstFemale : sameSex ? firstFemale : false;
          const givenName = rng.pick(female ? data.GIVEN_NAMES_WOMEN : data.GIVEN_NAMES_MEN);
          const ownName = g === 0 || rng.chance(0.7) ? familyName : rng.pick(data.FAMILY_NAMES);
          const adultBirth = addDays(addYears(birthDate, -(22 + rng.int(20))), -rng.int(365));
          const id = newId();
          batch.guardians.push({
            id,
            municipality_id: m.id,
            personnummer: generatePersonnummer(adultBirth, serial(adultBirth, female, false)),
            given_name: givenName,
            family_name: ownName,
            phone: data.fictionalMobile(rng.int(95)),
            email: rng.chance(0.6) ? `${ascii(givenName)}.${ascii(ownName)}${rng.int(100)}@${data.EMAIL_DOMAIN}` : null,
            // Separated parents (joint custody) live apart now and then.
            address: g === 0 || rng.chance(0.85) ? `${home.street}, ${home.postalCode} ${m.city}` : (({ street, postalCode }) => `${street}, ${postalCode} ${m.city}`)(address()),
            is_test_data: true,
          });
          // Mostly joint custody; a few parents without custody (sole custody for the other).
          guardians.push({ id, custody: g === 0 || !rng.chance(0.04) });
        }
        family = {
          municipalityId: m.id,
          familyName,
          address: home.street,
          postalCode: home.postalCode,
          guardians,
          home: rng.next(),
          protectedIdentity: rng.chance(0.005),
          youngestBirth: birthDate,
          kids: 0,
        };
      }
      family.kids++;
      family.youngestBirth = birthDate;

      const female = rng.chance(0.49);
      const coordination = rng.chance(0.01);
      const childId = newId();
      batch.children.push({
        id: childId,
        municipality_id: m.id,
        personnummer: generatePersonnummer(birthDate, serial(birthDate, female, coordination), { coordination }),
        is_coordination_number: coordination,
        given_name: rng.pick(female ? data.GIVEN_NAMES_GIRLS : data.GIVEN_NAMES_BOYS),
        family_name: family.familyName,
        birth_date: birthDate,
        address: family.address,
        postal_code: family.postalCode,
        city: m.city,
        protected_identity: family.protectedIdentity,
        is_test_data: true,
      });
      for (const g of family.guardians) {
        batch.guardianships.push({ municipality_id: m.id, child_id: childId, guardian_id: g.id, custody: g.custody, relationship: 'parent' });
      }

      // ── Enrollments, following the school year: grade 0 is preschool class (the autumn the child turns 6).
      const enroll = (u: UnitRow, kind: EnrollmentKind, start: string, end: string | null, group: string | null = null) =>
        batch.enrollments.push({ id: newId(), municipality_id: m.id, child_id: childId, unit_id: u.id, kind, group_name: group, start_date: start, end_date: end });
      const birthYear = Number(birthDate.slice(0, 4));
      const grade = termYear - birthYear - 6;
      const preschoolClassStart = `${birthYear + 6}${TERM_START}`;
      const home = family.home;
      const bvc = near(m.bvcs, home, 0.05);

      if (daysBetween(birthDate, on) < 28) enroll(near(m.maternity, home, 0), 'maternity_care', birthDate, null);
      if (grade < 0) {
        enroll(bvc, 'child_health_listing', birthDate, null);
        const preschoolStart = addDays(addYears(birthDate, 1), rng.int(200));
        if (preschoolStart <= on && rng.chance(0.9)) enroll(near(m.preschools, home, 0.2), 'preschool', preschoolStart, null);
      } else if (grade <= 2) {
        // Recent history: the child-health listing and preschool ended when preschool class began.
        const dayBefore = addDays(preschoolClassStart, -1);
        enroll(bvc, 'child_health_listing', birthDate, dayBefore);
        if (rng.chance(0.85)) enroll(near(m.preschools, home, 0.2), 'preschool', addDays(addYears(birthDate, 1), rng.int(200)), dayBefore);
      }
      if (grade >= 0 && grade <= 9) {
        const school = near(m.schools, home, 0.15);
        const group = `${grade === 0 ? 'F' : grade}${rng.chance(0.5) ? 'A' : 'B'}`;
        const kind: EnrollmentKind = grade === 0 ? 'preschool_class' : 'school_class';
        if (grade >= 2 && m.schools.length > 1 && rng.chance(0.05)) {
          // Moved school during the last school year.
          const moved = addDays(`${termYear - 1}${TERM_START}`, 30 + rng.int(250));
          const previous = m.schools[(m.schools.indexOf(school) + 1) % m.schools.length]!;
          enroll(previous, 'school_class', `${birthYear + 7}${TERM_START}`, addDays(moved, -1), group);
          enroll(school, kind, moved, null, group);
        } else {
          enroll(school, kind, preschoolClassStart, null, group);
        }
      } else if (grade >= 10) {
        const started = birthYear + 16;
        const programme = rng.chance(0.08) ? 'IM' : rng.pick(data.PROGRAMMES.slice(0, -1));
        enroll(rng.pick(m.upperSecondary), 'upper_secondary', `${started}${TERM_START}`, null, `${programme}${String(started % 100).padStart(2, '0')}${rng.chance(0.5) ? 'A' : 'B'}`);
      }

      if (batch.children.length >= batchSize) {
        yield batch;
        batch = { children: [], guardians: [], guardianships: [], enrollments: [] };
      }
    }
  }
  if (batch.children.length > 0) yield batch;
}

// ── Writing ─────────────────────────────────────────────────────────────────

/** Seeded = the demo collaboration area exists. */
export async function isSeeded(db: Queryable): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(db, sql`SELECT 1 AS one FROM collaboration_areas WHERE name = ${data.AREA_NAME} LIMIT 1`);
  return rows.length > 0;
}

/** Rows per insert statement for the population tables. */
const CHUNK = 5_000;
/** Children generated between two yields to the event loop (lets the pending insert progress). */
const SLICE = 500;

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Seeds the demo area into the database, then applies the named-person
 * handovers. Refuses (throws) when the demo area or any demo account exists.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const { db } = options;
  const total = options.children;
  if (!Number.isInteger(total) || total < 1) throw new Error('The number of children must be a whole number of at least 1.');
  const on = options.today ?? todayInZone();
  if (!isIsoDate(on)) throw new Error(`today must be a date (YYYY-MM-DD), got ${JSON.stringify(on)}.`);
  const progress = options.onProgress ?? (() => {});

  if (await isSeeded(db)) {
    throw new Error(`Demo data already exists in this database ("${data.AREA_NAME}"). Seed into a fresh database instead.`);
  }
  const taken = await queryRows<{ username: string }>(
    db,
    sql`SELECT username FROM staff WHERE username = ANY(${`{${DEMO_USERNAMES.join(',')}}`}::text[]) ORDER BY username`,
  );
  if (taken.length > 0) {
    throw new Error(`Demo data already exists in this database: the demo accounts ${taken.map((r) => r.username).join(', ')} are taken. Seed into a fresh database instead.`);
  }

  // One argon2id hash (~90 ms) shared by every generated account.
  const plan = planDemo({ children: total, seed: options.seed, today: on, passwordHash: await hashPassword(DEMO_PASSWORD) });

  return db.transaction(async (tx) => {
    progress('profiles', 0, 1);
    await ensureBuiltInProfiles(tx);
    progress('profiles', 1, 1);
    // The generator's rows are consistent by construction (seed.test.ts checks every reference), so a superuser
    // skips the per-row foreign-key triggers for this one transaction – as pg_restore --disable-triggers does.
    // It roughly halves the time for 200,000 children. Other roles seed with the checks on.
    const [role] = await queryRows<{ superuser: string }>(tx, sql`SELECT current_setting('is_superuser') AS superuser`);
    if (role?.superuser === 'on') await tx.execute(sql`SET LOCAL session_replication_role = replica`);

    progress('organisations', 0, plan.units.length);
    await tx.execute(sql`INSERT INTO collaboration_areas (id, name) VALUES (${plan.areaId}::uuid, ${data.AREA_NAME})`);
    await bulkInsert(tx, 'organisations', COLUMNS.organisations, plan.organisations);
    await bulkInsert(tx, 'units', COLUMNS.units, plan.units);
    progress('organisations', plan.units.length, plan.units.length);

    progress('staff', 0, plan.staff.length);
    await bulkInsert(tx, 'staff', COLUMNS.staff, plan.staff);
    await bulkInsert(tx, 'staff_roles', COLUMNS.staff_roles, plan.staffRoles);
    progress('staff', plan.staff.length, plan.staff.length);

    // The population: chunk n+1 is generated while the database stores chunk n.
    let guardians = 0;
    let written = 0;
    let writing: Promise<void> = Promise.resolve();
    const write = (chunk: PopulationBatch) => {
      writing = writing.then(async () => {
        await bulkInsert(tx, 'children', COLUMNS.children, chunk.children);
        await bulkInsert(tx, 'guardians', COLUMNS.guardians, chunk.guardians);
        await bulkInsert(tx, 'guardianships', COLUMNS.guardianships, chunk.guardianships);
        await bulkInsert(tx, 'enrollments', COLUMNS.enrollments, chunk.enrollments);
        written += chunk.children.length;
        progress('children', written, total);
      });
      // Surfaced by the next `await writing`; this only keeps it from counting as unhandled meanwhile.
      writing.catch(() => {});
    };
    progress('children', 0, total);
    let chunk: PopulationBatch = { children: [], guardians: [], guardianships: [], enrollments: [] };
    for (const slice of plan.population(SLICE)) {
      chunk.children.push(...slice.children);
      chunk.guardians.push(...slice.guardians);
      chunk.guardianships.push(...slice.guardianships);
      chunk.enrollments.push(...slice.enrollments);
      guardians += slice.guardians.length;
      if (chunk.children.length >= CHUNK) {
        // At most one chunk waits while another is written.
        await writing;
        write(chunk);
        chunk = { children: [], guardians: [], guardianships: [], enrollments: [] };
      }
      await nextTick();
    }
    await writing;
    if (chunk.children.length > 0) write(chunk);
    await writing;

    // Fresh statistics, so the handover's per-child lookups use the indexes.
    progress('statistics', 0, 1);
    await tx.execute(sql`ANALYZE children, guardians, guardianships, enrollments, staff_roles, staff, units, organisations`);
    progress('statistics', 1, 1);

    await applyDueHandovers({ db: tx, today: on, onProgress: (done, all) => progress('named persons', done, all) });

    // A few wellbeing assessments over time for the demo principal's pupils (the wheel's history).
    const ekby = plan.municipalities[0]!;
    await seedDemoAssessments({
      db: tx,
      rng: createRandom(((options.seed ?? 1) + 0x4a55) >>> 0),
      today: on,
      municipalityId: ekby.id,
      profileKey: data.MUNICIPALITIES[0]!.profileKey,
      schoolUnitId: ekby.schools[0]!.id,
      authorId: plan.staff.find((s) => s.username === 'anna.rektor')!.id,
    });

    // A handful of concerns in the demo principal's inbox (generated data).
    await seedDemoConcerns({ db: tx, recipientUsername: 'anna.rektor', policeUsername: 'erik.polis' });

    // The demo municipality's standing team (TSI: the HLT group) with the demo professionals and its next four meetings.
    await seedMeetings(tx, { municipalityId: ekby.id });

    // The intervention catalogue, and one pupil with a team, a lead professional and an active plan (generated data).
    await seedDemoPlans({ db: tx, today: on, municipalityId: ekby.id, schoolUnitId: ekby.schools[0]!.id });

    return {
      areaId: plan.areaId,
      municipalities: plan.municipalities.map((m) => ({ id: m.id, name: m.name })),
      children: written,
      guardians,
      staff: plan.staff.length,
    };
  });
}
