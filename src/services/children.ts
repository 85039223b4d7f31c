/**
 * Children: the population and the basic record. Every read is authorized by
 * `domain/access` (lists through its SQL twin) and written to the audit trail
 * in the same transaction.
 */
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows } from '../db/client.ts';
import { enrollmentCurrentSql, protectedIdentityVisibleSql, visibleChildIdsSql } from '../db/queries/access.ts';
import { accessTimeNow, type ChildRow, loadChildAccess } from './access-facts.ts';
import { children } from '../db/schema/index.ts';
import {
  type Actor,
  canReadBasicRecord,
  canRegisterChild,
  canSeeProtectedIdentity,
} from '../domain/access.ts';
import { ageInYears } from '../domain/age.ts';
import { AppError } from '../domain/errors.ts';
import { formatPersonnummer, parsePersonnummer, personnummerErrorMessage } from '../domain/personnummer.ts';
import type { ModelProfile } from '../domain/profiles/schema.ts';
import type { LocalizedText } from '../domain/types.ts';
import { recordAuditEvent } from './audit.ts';
import { today } from './clock.ts';
import { applyHandoverForChild, namedPersonTitle } from './named-person.ts';
import { loadProfile, loadProfilesByMunicipality } from './profiles.ts';
import { refuse, runUseCase } from './use-case.ts';

export type NamedPersonBrief = {
  status: 'assigned' | 'declined' | 'none';
  name?: string;
  title?: LocalizedText;
  unitName?: string | null;
};

export type ChildSummary = {
  id: string;
  personnummer: string;
  givenName: string | null;
  familyName: string | null;
  masked: boolean;
  birthDate: string;
  age: number;
  isTestData: boolean;
  namedPerson: NamedPersonBrief;
};

export const MAX_PAGE_SIZE = 100;

// ── Loading a readable child ────────────────────────────────────────────────

/** Loads a child the actor may read, or records the denial and refuses with 404. */
export async function loadReadableChild(tx: Queryable, actor: Actor, childId: string, action: 'child.read' | 'named_person.history.read') {
  const loaded = await loadChildAccess(tx, childId);
  const decision = loaded ? canReadBasicRecord(actor, loaded.facts) : ({ allowed: false } as const);
  if (!loaded || !decision.allowed) {
    await recordAuditEvent(tx, {
      actor,
      action,
      outcome: 'denied',
      childId: loaded ? childId : null,
      municipalityId: loaded?.row.municipality_id ?? null,
      resourceType: 'child',
      resourceId: childId,
    });
    return refuse(new AppError('not_found'));
  }
  return { ...loaded, basis: decision.basis, identityVisible: canSeeProtectedIdentity(actor, loaded.facts) };
}

// ── List and search ─────────────────────────────────────────────────────────

/** The cursor is the last child's id only – never a name, since URLs end up in logs. */
function encodeCursor(id: string): string {
  return Buffer.from(`c1:${id}`).toString('base64url');
}

function decodeCursor(raw: string): string {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const match = /^c1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(text);
  if (!match) throw new AppError('invalid_cursor');
  return match[1]!;
}

/**
 * The viewer-specific sort position of child alias `c`: children whose identity
 * the viewer may see by name, masked ones last (never ordered by a hidden name).
 */
function sortPositionSql(actor: Actor, alias: string) {
  const c = sql.raw(alias);
  return sql`CASE WHEN ${protectedIdentityVisibleSql(actor, alias)} THEN 0 ELSE 1 END,
             CASE WHEN ${protectedIdentityVisibleSql(actor, alias)}
                  THEN lower(${c}.family_name || ' ' || ${c}.given_name) ELSE '' END COLLATE "C",
             ${c}.id`;
}

type ListRow = Omit<ChildRow, 'address' | 'postal_code' | 'city'> & {
  identity_visible: boolean;
  sort_masked: 0 | 1;
  sort_key: string;
  np_status: 'assigned' | 'declined' | null;
  np_given_name: string | null;
  np_family_name: string | null;
  np_stage_key: string | null;
  np_unit_name: string | null;
};

/** Builds the WHERE fragment for a search text: digits match personal identity numbers, words match names. */
function searchSql(search: string | undefined): ReturnType<typeof sql> {
  const text = search?.trim() ?? '';
  if (!text) return sql`TRUE`;
  const digits = text.replace(/[\s+-]/g, '');
  if (/^\d{4,12}$/.test(digits)) {
    // 12 digits, or the 10-digit form without century, as a prefix.
    return sql`(visible.personnummer LIKE ${`${digits}%`} OR substr(visible.personnummer, 3) LIKE ${`${digits}%`})`;
  }
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((w) => `${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  // Names of masked children never match a name search.
  return sql.join(
    words.map((w) => sql`visible.identity_visible AND (lower(visible.given_name) LIKE ${w} OR lower(visible.family_name) LIKE ${w})`),
    sql` AND `,
  );
}

export async function listChildren(options: {
  db: Db;
  actor: Actor;
  search?: string;
  limit?: number;
  cursor?: string;
}): Promise<{ items: ChildSummary[]; nextCursor: string | null }> {
  const { db, actor } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), MAX_PAGE_SIZE);
  const cursorId = options.cursor ? decodeCursor(options.cursor) : null;
  const at = accessTimeNow();
  const on = at.today;
  const profiles = await loadProfilesByMunicipality(db);

  return runUseCase(db, async (tx) => {
    const after = cursorId
      ? sql`(r.sort_masked, r.sort_key, r.id) > (SELECT ${sortPositionSql(actor, 'cc')} FROM children cc WHERE cc.id = ${cursorId}::uuid)`
      : sql`TRUE`;
    const rows = await queryRows<ListRow>(
      tx,
      sql`WITH visible AS (
            SELECT c.*, ${protectedIdentityVisibleSql(actor)} AS identity_visible
              FROM children c
             WHERE c.id IN ${visibleChildIdsSql(actor, at)}
          ),
          ranked AS (
            SELECT visible.*,
                   CASE WHEN visible.identity_visible THEN 0 ELSE 1 END AS sort_masked,
                   CASE WHEN visible.identity_visible
                        THEN lower(visible.family_name || ' ' || visible.given_name) ELSE '' END COLLATE "C" AS sort_key
              FROM visible
             WHERE ${searchSql(options.search)}
          )
          SELECT r.id, r.municipality_id, r.personnummer, r.given_name, r.family_name, r.birth_date::text AS birth_date,
                 r.protected_identity, r.is_test_data, r.identity_visible, r.sort_masked, r.sort_key,
                 n.status AS np_status, n.stage_key AS np_stage_key,
                 s.given_name AS np_given_name, s.family_name AS np_family_name, u.name AS np_unit_name
            FROM ranked r
            LEFT JOIN named_person_assignments n ON n.child_id = r.id AND n.valid_to IS NULL
            LEFT JOIN staff s ON s.id = n.staff_id
            LEFT JOIN units u ON u.id = n.unit_id
           WHERE ${after}
           ORDER BY r.sort_masked, r.sort_key, r.id
           LIMIT ${limit + 1}`,
    );
    const page = rows.slice(0, limit);
    const items = page.map((r): ChildSummary => {
      const visible = r.identity_visible;
      const profile = profiles.get(r.municipality_id);
      return {
        id: r.id,
        personnummer: formatPersonnummer(r.personnummer),
        givenName: visible ? r.given_name : null,
        familyName: visible ? r.family_name : null,
        masked: !visible,
        birthDate: r.birth_date,
        age: ageInYears(r.birth_date, on),
        isTestData: r.is_test_data,
        namedPerson: briefOf(r, profile, visible),
      };
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'child.list',
      outcome: 'allowed',
      childIds: items.map((i) => i.id),
      details: { search: options.search ? '[search]' : null, limit, page: cursorId ? 'next' : 'first' },
    });
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(last.id) : null;
    return { items, nextCursor };
  });
}

function briefOf(r: ListRow, profile: ModelProfile | undefined, identityVisible: boolean): NamedPersonBrief {
  if (!r.np_status) return { status: 'none' };
  if (r.np_status === 'declined') return { status: 'declined' };
  return {
    status: 'assigned',
    name: `${r.np_given_name ?? ''} ${r.np_family_name ?? ''}`.trim(),
    title: profile ? namedPersonTitle(profile, r.np_stage_key) : undefined,
    // The named person's unit tells where a protected child is enrolled.
    unitName: identityVisible ? r.np_unit_name : null,
  };
}

// ── One child ───────────────────────────────────────────────────────────────

export async function getChild(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const child = await loadReadableChild(tx, actor, childId, 'child.read');
    if ('error' in child) return child;
    const { row, identityVisible } = child;
    const on = today();
    const profile = await loadProfile(tx, (await municipalityOf(tx, row.municipality_id)).model_profile_key);

    const guardians = await queryRows<{
      id: string;
      given_name: string;
      family_name: string;
      phone: string | null;
      email: string | null;
      custody: boolean;
      relationship: string;
    }>(
      tx,
      sql`SELECT g.id, g.given_name, g.family_name, g.phone, g.email, gs.custody, gs.relationship
            FROM guardianships gs JOIN guardians g ON g.id = gs.guardian_id
           WHERE gs.child_id = ${childId}::uuid ORDER BY gs.custody DESC, g.family_name, g.given_name`,
    );
    const enrollments = await queryRows<{
      id: string;
      unit_id: string;
      unit_name: string;
      agency_type: string;
      kind: string;
      group_name: string | null;
      start_date: string;
      end_date: string | null;
      current: boolean;
    }>(
      tx,
      sql`SELECT e.id, e.unit_id, u.name AS unit_name, u.agency_type, e.kind, e.group_name,
                 e.start_date::text AS start_date, e.end_date::text AS end_date,
                 (${enrollmentCurrentSql('e', on)}) AS current
            FROM enrollments e JOIN units u ON u.id = e.unit_id
           WHERE e.child_id = ${childId}::uuid ORDER BY e.start_date DESC`,
    );
    const namedPerson = await namedPersonDetail(tx, childId, profile, identityVisible);
    const municipality = await municipalityOf(tx, row.municipality_id);

    await recordAuditEvent(tx, {
      actor,
      action: 'child.read',
      outcome: 'allowed',
      childId,
      municipalityId: row.municipality_id,
      resourceType: 'child',
      resourceId: childId,
      details: { basis: child.basis },
    });

    const masked = !identityVisible;
    return {
      id: row.id,
      personnummer: formatPersonnummer(row.personnummer),
      givenName: masked ? null : row.given_name,
      familyName: masked ? null : row.family_name,
      masked,
      protectedIdentity: row.protected_identity,
      birthDate: row.birth_date,
      age: ageInYears(row.birth_date, on),
      isTestData: row.is_test_data,
      address: masked ? null : row.address,
      postalCode: masked ? null : row.postal_code,
      city: masked ? null : row.city,
      municipalityName: municipality.name,
      modelProfile: { key: profile.key, name: profile.name, namedPersonTitle: profile.namedPersonTitle },
      guardians: guardians.map((g) => ({
        id: g.id,
        givenName: masked ? null : g.given_name,
        familyName: masked ? null : g.family_name,
        phone: masked ? null : g.phone,
        email: masked ? null : g.email,
        custody: g.custody,
        relationship: g.relationship,
      })),
      enrollments: enrollments.map((e) => ({
        id: e.id,
        unitId: masked ? null : e.unit_id,
        unitName: masked ? null : e.unit_name,
        agencyType: e.agency_type,
        kind: e.kind,
        groupName: masked ? null : e.group_name,
        startDate: e.start_date,
        endDate: e.end_date,
        current: e.current,
      })),
      namedPerson,
    };
  });
}

async function municipalityOf(db: Queryable, municipalityId: string) {
  const [m] = await queryRows<{ name: string; model_profile_key: string | null }>(
    db,
    sql`SELECT name, model_profile_key FROM organisations WHERE id = ${municipalityId}::uuid`,
  );
  if (!m) throw new Error(`municipality ${municipalityId} missing`);
  return m;
}

export type NamedPersonDetail = NamedPersonBrief & {
  staffId?: string;
  phone?: string | null;
  email?: string | null;
  since?: string;
  reason?: string;
  note?: string | null;
};

/** The current named person of a child, as shown on the child page. */
export async function namedPersonDetail(
  db: Queryable,
  childId: string,
  profile: ModelProfile,
  identityVisible: boolean,
): Promise<NamedPersonDetail> {
  const [n] = await queryRows<{
    status: 'assigned' | 'declined';
    staff_id: string | null;
    stage_key: string | null;
    reason: string;
    note: string | null;
    valid_from: Date;
    given_name: string | null;
    family_name: string | null;
    phone: string | null;
    email: string | null;
    unit_name: string | null;
    unit_phone: string | null;
  }>(
    db,
    sql`SELECT n.status, n.staff_id, n.stage_key, n.reason, n.note, n.valid_from,
               s.given_name, s.family_name, s.phone, s.email, u.name AS unit_name, u.phone AS unit_phone
          FROM named_person_assignments n
          LEFT JOIN staff s ON s.id = n.staff_id
          LEFT JOIN units u ON u.id = n.unit_id
         WHERE n.child_id = ${childId}::uuid AND n.valid_to IS NULL`,
  );
  if (!n) return { status: 'none' };
  const common = { since: new Date(n.valid_from).toISOString(), reason: n.reason, note: n.note };
  if (n.status === 'declined') return { status: 'declined', ...common };
  return {
    status: 'assigned',
    staffId: n.staff_id ?? undefined,
    name: `${n.given_name ?? ''} ${n.family_name ?? ''}`.trim(),
    title: namedPersonTitle(profile, n.stage_key),
    unitName: identityVisible ? n.unit_name : null,
    phone: n.phone ?? n.unit_phone,
    email: n.email,
    ...common,
  };
}

// ── Registration ────────────────────────────────────────────────────────────

export type RegisterChildInput = {
  personnummer: string;
  givenName: string;
  familyName: string;
  municipalityId: string;
  protectedIdentity?: boolean;
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  isTestData?: boolean;
};

/** Registers a child in the population; a second registration of the same number is refused with 409. */
export async function registerChild(options: { db: Db; actor: Actor; child: RegisterChildInput }) {
  const { db, actor, child } = options;
  if (!canRegisterChild(actor)) throw new AppError('forbidden');
  const parsed = parsePersonnummer(child.personnummer);
  if (!parsed.ok) throw new AppError('invalid_personnummer', { message: personnummerErrorMessage(parsed.reason) });
  return runUseCase(db, async (tx) => {
    const [municipality] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM organisations WHERE id = ${child.municipalityId}::uuid AND kind = 'municipality'`,
    );
    if (!municipality) {
      return refuse(
        new AppError('validation_failed', {
          message: { sv: 'Kommunen finns inte.', en: 'The municipality does not exist.' },
          details: { field: 'municipalityId' },
        }),
      );
    }
    const [existing] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM children WHERE personnummer = ${parsed.value.normalized}`,
    );
    if (existing) return refuse(new AppError('duplicate_child', { details: { existingChildId: existing.id } }));
    const [created] = await tx
      .insert(children)
      .values({
        municipalityId: child.municipalityId,
        personnummer: parsed.value.normalized,
        isCoordinationNumber: parsed.value.isCoordinationNumber,
        givenName: child.givenName.trim(),
        familyName: child.familyName.trim(),
        birthDate: parsed.value.birthDate,
        address: child.address ?? null,
        postalCode: child.postalCode ?? null,
        city: child.city ?? null,
        protectedIdentity: child.protectedIdentity ?? false,
        isTestData: child.isTestData ?? true,
      })
      .returning({ id: children.id });
    await applyHandoverForChild(tx, created!.id);
    await recordAuditEvent(tx, {
      actor,
      action: 'child.register',
      outcome: 'allowed',
      childId: created!.id,
      municipalityId: child.municipalityId,
      resourceType: 'child',
      resourceId: created!.id,
    });
    return { id: created!.id };
  });
}
