/**
 * Sign-in with local accounts: argon2id passwords, opaque session tokens (only
 * their SHA-256 is stored), and a per-account limit on failed attempts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.ts';
import { loginAttempts, sessions, staff } from '../db/schema/index.ts';
import type { Actor, ActorRole } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { recordAuditEvent } from './audit.ts';
import { today } from './clock.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** Failed attempts for one username within the window that lock further tries. */
export const MAX_FAILED_ATTEMPTS = 5;
export const FAILED_ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Loads a professional with the roles they hold today. */
export async function loadActor(db: Queryable, staffId: string): Promise<Actor | null> {
  const result = (await db.execute(sql`
    SELECT s.id, s.username, s.given_name, s.family_name, s.title, s.active,
           r.role, r.unit_id, r.can_see_protected, u.name AS unit_name, u.agency_type, u.organisation_id, u.municipality_id
      FROM staff s
      LEFT JOIN staff_roles r ON r.staff_id = s.id
            AND r.valid_from <= ${today()}::date AND (r.valid_to IS NULL OR r.valid_to >= ${today()}::date)
      LEFT JOIN units u ON u.id = r.unit_id
     WHERE s.id = ${staffId}::uuid
     ORDER BY r.valid_from, r.id`)) as unknown as {
    rows: {
      id: string;
      username: string;
      given_name: string;
      family_name: string;
      title: string | null;
      active: boolean;
      role: ActorRole['role'] | null;
      unit_id: string | null;
      can_see_protected: boolean | null;
      unit_name: string | null;
      agency_type: ActorRole['agencyType'] | null;
      organisation_id: string | null;
      municipality_id: string | null;
    }[];
  };
  const first = result.rows[0];
  if (!first || !first.active) return null;
  const roles: ActorRole[] = result.rows
    .filter((r) => r.role !== null)
    .map((r) => ({
      role: r.role!,
      unitId: r.unit_id!,
      unitName: r.unit_name!,
      agencyType: r.agency_type!,
      organisationId: r.organisation_id!,
      municipalityId: r.municipality_id!,
      canSeeProtected: r.can_see_protected === true,
    }));
  return {
    staffId: first.id,
    username: first.username,
    givenName: first.given_name,
    familyName: first.family_name,
    title: first.title,
    roles,
    primaryUnitId: roles[0]?.unitId ?? null,
  };
}

export type LoginResult = { token: string; actor: Actor; expiresAt: Date };

/**
 * Checks a username and password. Every attempt is recorded; after
 * MAX_FAILED_ATTEMPTS failures within the window the account answers
 * `too_many_attempts` until the window has passed, even for the right password.
 */
export async function logIn(options: { db: Db; username: string; password: string; ip?: string }): Promise<LoginResult> {
  const { db, password, ip } = options;
  const username = options.username.trim().toLowerCase();
  const since = new Date(Date.now() - FAILED_ATTEMPT_WINDOW_MS);
  const [{ failures } = { failures: 0 }] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  if (failures >= MAX_FAILED_ATTEMPTS) throw new AppError('too_many_attempts');

  const [account] = await db
    .select({ id: staff.id, passwordHash: staff.passwordHash, active: staff.active })
    .from(staff)
    .where(eq(staff.username, username))
    .limit(1);
  let ok = false;
  if (account) ok = account.active && (await verifyPassword(account.passwordHash, password));
  else await verifyPassword(await dummyPasswordHash(), password); // same cost, so timing does not reveal accounts
  const actor = ok && account ? await loadActor(db, account.id) : null;

  if (!actor) {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ username, ip: ip ?? null, success: false });
      await recordAuditEvent(tx, { actor: null, action: 'auth.login', outcome: 'denied', details: { username } });
    });
    throw new AppError('invalid_credentials');
  }
  return db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ username, ip: ip ?? null, success: true });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await tx.insert(sessions).values({ tokenHash: hashToken(token), staffId: actor.staffId, expiresAt });
    await recordAuditEvent(tx, { actor, action: 'auth.login', outcome: 'allowed' });
    return { token, actor, expiresAt };
  });
}

export async function logOut(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The actor behind a session token, or null when it is unknown or expired. */
export async function actorForSession(db: Queryable, token: string): Promise<Actor | null> {
  const [session] = await db
    .select({ staffId: sessions.staffId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!session) return null;
  return loadActor(db, session.staffId);
}
