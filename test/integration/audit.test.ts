/**
 * The audit trail as log reviewers and families meet it: searching who did
 * what to which child, the systematic review, the family's access extract, and
 * a chain that shows any tampering. Runs on PGlite, and on PostgreSQL when
 * DATABASE_URL is set; the stories that tamper with or count the whole trail
 * get a database of their own.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { recordAuditEvent, verifyAuditChain } from '../../src/services/audit.ts';
import { loadActor } from '../../src/services/sessions.ts';
import { freshDatabase, testDatabase } from '../support/db.ts';
import { addStaffRole, makeStaffMember, makeWorld, signIn, type World } from '../support/factories.ts';

type EventItem = {
  seq: number;
  action: string;
  outcome: string;
  childId: string | null;
  childCount: number | null;
  actor: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
  basis: string | null;
  reviewed: boolean;
  review: { comment: string; selectedAs: string } | null;
  selectedAs?: string;
};

function client(app: FastifyInstance) {
  const headers = (cookie?: string) => ({ ...(cookie ? { cookie } : {}), 'accept-language': 'en' });
  return {
    get: (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: headers(cookie) }),
    post: (url: string, payload: unknown, cookie?: string) =>
      app.inject({ method: 'POST', url, payload: payload as object, headers: headers(cookie) }),
  };
}

/** The last audit event a professional caused with an action. */
async function lastEventOf(database: Database, staffId: string, action: string) {
  const [row] = await queryRows<{ seq: string; outcome: string; child_id: string | null; details: Record<string, unknown> | null }>(
    database.db,
    sql`SELECT e.seq::text AS seq, e.outcome, e.child_id, e.details FROM audit_events e
         WHERE e.actor_id = ${staffId}::uuid AND e.action = ${action} ORDER BY e.seq DESC LIMIT 1`,
  );
  return row ? { ...row, seq: Number(row.seq) } : undefined;
}

// ── The shared world ────────────────────────────────────────────────────────

let database: Database;
let app: FastifyInstance;
let world: World;
let reviewer: { id: string; username: string };
let api: ReturnType<typeof client>;

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, serveWeb: false });
  world = await makeWorld(database.db);
  reviewer = await makeStaffMember(database.db, { username: 'rut.logg', unitId: world.units.socialServices.id, role: 'log_reviewer' });
  api = client(app);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('who may use the audit trail', () => {
  it('a teacher gets 403 on every audit endpoint, and each refusal is itself audited', async () => {
    const { cookie } = await signIn(app, world.staff.teacher.username);
    for (const url of ['/api/audit', '/api/audit/verify', '/api/audit/review-queue']) {
      const response = await api.get(url, cookie);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code, url).toBe('forbidden');
    }
    const review = await api.post('/api/audit/events/1/review', { comment: 'Looks fine', selectedAs: 'sample' }, cookie);
    expect(review.statusCode).toBe(403);
    expect((await lastEventOf(database, world.staff.teacher.id, 'audit.search'))?.outcome).toBe('denied');
    expect((await lastEventOf(database, world.staff.teacher.id, 'audit.verify'))?.outcome).toBe('denied');
    expect((await lastEventOf(database, world.staff.teacher.id, 'audit.review'))?.outcome).toBe('denied');
  });

  it('an administrator may verify the chain but not read the events', async () => {
    const { cookie } = await signIn(app, world.staff.admin.username);
    const verify = await api.get('/api/audit/verify', cookie);
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ checked: expect.any(Number) });
    expect((await lastEventOf(database, world.staff.admin.id, 'audit.verify'))?.outcome).toBe('allowed');
    expect((await api.get('/api/audit', cookie)).statusCode).toBe(403);
  });

  it('a principal appointed log reviewer may search from the next request on', async () => {
    const { cookie } = await signIn(app, world.staff.otherPrincipal.username);
    expect((await api.get('/api/audit?limit=1', cookie)).statusCode).toBe(403);
    await addStaffRole(database.db, { staffId: world.staff.otherPrincipal.id, unitId: world.units.otherSchool.id, role: 'log_reviewer' });
    expect((await api.get('/api/audit?limit=1', cookie)).statusCode).toBe(200);
  });
});

describe('searching the trail', () => {
  it('filters by child and by actor, newest first, with the child by id only', async () => {
    const pupil = await world.makeChild({ age: 10, givenName: 'Hemligsson', at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const teacher = await signIn(app, world.staff.teacher.username);
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await api.get(`/api/children/${pupil.id}`, principal.cookie)).statusCode).toBe(200);
    expect((await api.get(`/api/children/${pupil.id}`, teacher.cookie)).statusCode).toBe(200);
    expect((await api.get(`/api/children/${pupil.id}`, police.cookie)).statusCode).toBe(404);
    const list = await api.get('/api/children?limit=100', teacher.cookie);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(pupil.id);

    const { cookie } = await signIn(app, reviewer.username);
    const byChild = await api.get(`/api/audit?childId=${pupil.id}`, cookie);
    expect(byChild.statusCode).toBe(200);
    const items: EventItem[] = byChild.json().items;
    // Newest first: the teacher's list, the police officer's denied read, the teacher's read, the principal's read.
    expect(items.map((e) => [e.action, e.outcome, e.actor?.id])).toEqual([
      ['child.list', 'allowed', world.staff.teacher.id],
      ['child.read', 'denied', world.staff.policeOfficer.id],
      ['child.read', 'allowed', world.staff.teacher.id],
      ['child.read', 'allowed', world.staff.principal.id],
    ]);
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({ childId: null, childCount: expect.any(Number), reviewed: false, review: null });
    expect(items[0]!.childCount).toBeGreaterThanOrEqual(1);
    expect(items[3]).toMatchObject({
      childId: pupil.id,
      childCount: null,
      basis: 'named_person',
      actor: { id: world.staff.principal.id, name: `${world.staff.principal.givenName} ${world.staff.principal.familyName}` },
      unit: { id: world.units.school.id, name: world.units.school.name },
    });
    // Who, what, when, which child – never the child's name or anything else from the record.
    expect(byChild.body).not.toContain('Hemligsson');
    expect(byChild.body).not.toContain(pupil.familyName);
    expect(byChild.body).not.toContain(pupil.personnummer.slice(0, 8));

    const byBoth = await api.get(`/api/audit?childId=${pupil.id}&actor=${world.staff.teacher.id}`, cookie);
    expect(byBoth.json().items.map((e: EventItem) => e.action)).toEqual(['child.list', 'child.read']);
    const denied = await api.get(`/api/audit?childId=${pupil.id}&outcome=denied&action=child.read`, cookie);
    expect(denied.json().items.map((e: EventItem) => e.actor?.id)).toEqual([world.staff.policeOfficer.id]);

    const byActor = await api.get(`/api/audit?actor=${world.staff.policeOfficer.id}&limit=100`, cookie);
    expect(byActor.json().items.length).toBeGreaterThan(0);
    expect(byActor.json().items.every((e: EventItem) => e.actor?.id === world.staff.policeOfficer.id)).toBe(true);

    // The search is itself audited, with its filters.
    const searched = await lastEventOf(database, reviewer.id, 'audit.search');
    expect(searched?.outcome).toBe('allowed');
    expect(searched?.details).toMatchObject({ actorId: world.staff.policeOfficer.id, childId: null, limit: 100 });
    const [byChildSearch] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE actor_id = ${reviewer.id}::uuid AND action = 'audit.search'
            AND details->>'childId' = ${pupil.id}`,
    );
    expect(byChildSearch?.n).toBe(3);
  });

  it('pages with a keyset cursor on seq, and a date window', async () => {
    const pupil = await world.makeChild({ age: 9, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const principal = await signIn(app, world.staff.principal.username);
    for (let i = 0; i < 5; i++) await api.get(`/api/children/${pupil.id}`, principal.cookie);

    const { cookie } = await signIn(app, reviewer.username);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.get(`/api/audit?childId=${pupil.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, cookie);
      expect(response.statusCode).toBe(200);
      seen.push(...response.json().items.map((e: EventItem) => e.seq));
      cursor = response.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));

    const today = new Date().toISOString().slice(0, 10);
    const inWindow = await api.get(`/api/audit?childId=${pupil.id}&from=2000-01-01&to=2999-12-31`, cookie);
    expect(inWindow.json().items).toHaveLength(5);
    const future = await api.get(`/api/audit?childId=${pupil.id}&from=2999-01-01`, cookie);
    expect(future.json().items).toEqual([]);
    const instant = await api.get(`/api/audit?childId=${pupil.id}&to=${encodeURIComponent('2001-01-01T00:00:00Z')}`, cookie);
    expect(instant.json().items).toEqual([]);
    expect((await api.get(`/api/audit?childId=${pupil.id}&from=${today}&to=${today}`, cookie)).statusCode).toBe(200);
  });

  it('shows nothing more than the id for a child with protected identity', async () => {
    const hidden = await world.makeChild({
      age: 11,
      protectedIdentity: true,
      givenName: 'Skyddadsson',
      familyName: `Dold${world.tag}`,
      at: [{ unitId: world.units.school.id, kind: 'school_class' }],
    });
    const principal = await signIn(app, world.staff.principal.username);
    expect((await api.get(`/api/children/${hidden.id}`, principal.cookie)).json().child.givenName).toBe('Skyddadsson');

    const { cookie } = await signIn(app, reviewer.username);
    const response = await api.get(`/api/audit?childId=${hidden.id}`, cookie);
    expect(response.json().items).toHaveLength(1);
    expect(response.json().items[0].childId).toBe(hidden.id);
    expect(response.body).not.toContain('Skyddadsson');
    expect(response.body).not.toContain(hidden.familyName);
    expect(response.body).not.toContain(hidden.address!);
  });
});

describe('the family’s access extract', () => {
  it('the named person gets unit and time of every access, without names; others get 403 or 404', async () => {
    const pupil = await world.makeChild({ age: 10, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await api.get(`/api/children/${pupil.id}`, teacher.cookie)).statusCode).toBe(200);
    expect((await api.get(`/api/children/${pupil.id}`, teacher.cookie)).statusCode).toBe(200);
    await api.get('/api/children?limit=100', teacher.cookie);
    expect((await api.get(`/api/children/${pupil.id}`, police.cookie)).statusCode).toBe(404);

    // The teacher can see the child but may not take out the extract; the police officer cannot see it at all.
    const forbidden = await api.get(`/api/children/${pupil.id}/access-extract`, teacher.cookie);
    expect(forbidden.statusCode).toBe(403);
    const hidden = await api.get(`/api/children/${pupil.id}/access-extract`, police.cookie);
    expect(hidden.statusCode).toBe(404);
    const none = await api.get('/api/children/00000000-0000-4000-8000-000000000000/access-extract', police.cookie);
    expect(none.json()).toEqual(hidden.json());
    expect((await lastEventOf(database, world.staff.teacher.id, 'audit.extract'))).toMatchObject({ outcome: 'denied', child_id: pupil.id });

    const principal = await signIn(app, world.staff.principal.username);
    const extract = await api.get(`/api/children/${pupil.id}/access-extract`, principal.cookie);
    expect(extract.statusCode).toBe(200);
    const items: { unitName: string; action: { sv: string; en: string }; outcome: string; count: number }[] = extract.json().items;
    // Two reads by the school in the same hour are one row; the list appearance is its own row; the denied read is not there.
    expect(items).toContainEqual(
      expect.objectContaining({ unitName: world.units.school.name, action: { sv: 'Öppnade barnets grunduppgifter', en: "Opened the child's basic details" }, count: 2, outcome: 'allowed' }),
    );
    expect(items).toContainEqual(expect.objectContaining({ unitName: world.units.school.name, action: expect.objectContaining({ en: 'Saw the child in a list or search' }) }));
    expect(items.some((i) => i.unitName === world.units.policeUnit.name)).toBe(false);
    expect(items).toHaveLength(2);
    // Unit and time – not the professional's name.
    expect(extract.body).not.toContain(world.staff.teacher.familyName);
    expect(extract.body).not.toContain(world.staff.teacher.givenName);

    const audited = await lastEventOf(database, world.staff.principal.id, 'audit.extract');
    expect(audited).toMatchObject({ outcome: 'allowed', child_id: pupil.id, details: expect.objectContaining({ basis: 'named_person' }) });

    // A log reviewer may take it out too (they cannot see the child otherwise); the earlier extract now shows.
    const { cookie } = await signIn(app, reviewer.username);
    const byReviewer = await api.get(`/api/children/${pupil.id}/access-extract`, cookie);
    expect(byReviewer.statusCode).toBe(200);
    expect(byReviewer.json().items[0]).toMatchObject({ unitName: world.units.school.name, action: { en: "Made an extract of who accessed the child's information" } });
    const later = await api.get(`/api/children/${pupil.id}/access-extract?from=2999-01-01`, cookie);
    expect(later.json().items).toEqual([]);
  });
});

describe('bad input', () => {
  it('answers with a 4xx and a message, never a 500', async () => {
    const { cookie } = await signIn(app, reviewer.username);
    const child = world.staff.principal.id; // any uuid
    const cases: { method: 'GET' | 'POST'; url: string; payload?: unknown; status?: number; code?: string }[] = [
      { method: 'GET', url: '/api/audit?from=yesterday', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?from=2026-13-45', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?to=2026-02-30', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?from=2026-05-02&to=2026-05-01', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?childId=not-a-uuid', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?actor=123', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?action=child.eat', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?outcome=maybe', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?limit=0', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?limit=101', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?limit=abc', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit?cursor=bm90LWEtY3Vyc29y', code: 'invalid_cursor' },
      { method: 'GET', url: '/api/audit/review-queue?sample=0', code: 'validation_failed' },
      { method: 'GET', url: '/api/audit/review-queue?sample=101', code: 'validation_failed' },
      { method: 'POST', url: '/api/audit/events/1/review', payload: { comment: 'x', selectedAs: 'sample' }, code: 'validation_failed' },
      { method: 'POST', url: '/api/audit/events/1/review', payload: { comment: 'Fine', selectedAs: 'random' }, code: 'validation_failed' },
      { method: 'POST', url: '/api/audit/events/1/review', payload: { comment: 'y'.repeat(2001), selectedAs: 'sample' }, code: 'validation_failed' },
      { method: 'POST', url: '/api/audit/events/abc/review', payload: { comment: 'Fine', selectedAs: 'sample' }, code: 'validation_failed' },
      { method: 'POST', url: '/api/audit/events/0/review', payload: { comment: 'Fine', selectedAs: 'sample' }, code: 'validation_failed' },
      { method: 'POST', url: '/api/audit/events/999999999999/review', payload: { comment: 'Fine', selectedAs: 'sample' }, status: 404, code: 'not_found' },
      { method: 'GET', url: '/api/children/not-a-uuid/access-extract', code: 'validation_failed' },
      { method: 'GET', url: `/api/children/${child}/access-extract?from=2026-1-1`, code: 'validation_failed' },
      { method: 'GET', url: `/api/children/${child}/access-extract?from=2026-06-01&to=2026-01-01`, code: 'validation_failed' },
    ];
    for (const c of cases) {
      const response = await app.inject({
        method: c.method,
        url: c.url,
        headers: { cookie, 'accept-language': 'en' },
        ...(c.payload !== undefined ? { payload: c.payload as object } : {}),
      });
      const label = `${c.method} ${c.url}`;
      expect(response.statusCode, label).toBe(c.status ?? 400);
      const error = response.json().error;
      expect(error.code, label).toBe(c.code);
      expect(error.message.length, label).toBeGreaterThan(5);
    }
  });
});

// ── A database of its own: the review queue counts, and tampering ───────────

describe('systematic review and tamper evidence (own database)', () => {
  let own: Database;
  let ownApp: FastifyInstance;
  let w: World;
  let ownReviewer: { id: string; username: string };
  let ownApi: ReturnType<typeof client>;

  beforeAll(async () => {
    own = await freshDatabase();
    ownApp = await buildApp({ database: own, serveWeb: false });
    w = await makeWorld(own.db);
    ownReviewer = await makeStaffMember(own.db, { username: 'siv.logg', unitId: w.units.socialServices.id, role: 'log_reviewer' });
    ownApi = client(ownApp);
  });

  afterAll(async () => {
    await ownApp?.close();
    await own?.close();
  });

  it('a denied read is flagged, a normal read can be sampled, and each is reviewed once', async () => {
    const pupil = await w.makeChild({ age: 10, at: [{ unitId: w.units.school.id, kind: 'school_class' }] });
    const teacher = await signIn(ownApp, w.staff.teacher.username);
    const police = await signIn(ownApp, w.staff.policeOfficer.username);
    await ownApi.get(`/api/children/${pupil.id}`, teacher.cookie);
    await ownApi.get(`/api/children/${pupil.id}`, police.cookie);
    const allowedRead = (await lastEventOf(own, w.staff.teacher.id, 'child.read'))!;
    const deniedRead = (await lastEventOf(own, w.staff.policeOfficer.id, 'child.read'))!;
    expect(deniedRead.outcome).toBe('denied');
    // A read under emergency access (as the emergency service records it) is flagged too.
    const nurse = (await loadActor(own.db, w.staff.nurse.id))!;
    await own.db.transaction((tx) =>
      recordAuditEvent(tx, { actor: nurse, action: 'child.read', outcome: 'allowed', childId: pupil.id, details: { basis: 'emergency' } }),
    );
    const emergencyRead = (await lastEventOf(own, w.staff.nurse.id, 'child.read'))!;

    const { cookie } = await signIn(ownApp, ownReviewer.username);
    const queue = await ownApi.get('/api/audit/review-queue?sample=100', cookie);
    expect(queue.statusCode).toBe(200);
    const items: EventItem[] = queue.json().items;
    const flagged = items.filter((i) => i.selectedAs === 'flagged').map((i) => i.seq);
    const sampled = items.filter((i) => i.selectedAs === 'sample').map((i) => i.seq);
    expect(flagged).toEqual(expect.arrayContaining([deniedRead.seq, emergencyRead.seq]));
    expect(sampled).toContain(allowedRead.seq);
    expect(sampled).not.toContain(deniedRead.seq);
    expect(sampled).not.toContain(emergencyRead.seq);
    // Logins are not events on a child; the reviewer's own actions are someone else's to review.
    expect(items.every((i) => i.action !== 'auth.login')).toBe(true);
    expect(items.every((i) => i.actor?.id !== ownReviewer.id)).toBe(true);
    expect((await lastEventOf(own, ownReviewer.id, 'audit.search'))?.details).toMatchObject({ view: 'review_queue', sample: 100 });

    const before = await verifyAuditChain(own.db);
    expect(before.ok).toBe(true);
    const [hashBefore] = await queryRows<{ hash: string }>(own.db, sql`SELECT hash FROM audit_events WHERE seq = ${deniedRead.seq}`);

    const review = await ownApi.post(
      `/api/audit/events/${deniedRead.seq}/review`,
      { comment: 'Polisen saknar grund; kontaktat enheten.', selectedAs: 'flagged' },
      cookie,
    );
    expect(review.statusCode).toBe(201);
    expect(review.json().event).toMatchObject({ seq: deniedRead.seq, reviewed: true, review: { selectedAs: 'flagged', reviewer: { id: ownReviewer.id } } });
    const again = await ownApi.post(`/api/audit/events/${deniedRead.seq}/review`, { comment: 'Again', selectedAs: 'flagged' }, cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'conflict', message: 'This event has already been reviewed.' });
    expect((await lastEventOf(own, ownReviewer.id, 'audit.review'))).toMatchObject({ outcome: 'allowed', details: { selectedAs: 'flagged' } });

    // Reviewed events leave the queue and show their review in the search.
    const after = await ownApi.get('/api/audit/review-queue?sample=100', cookie);
    expect(after.json().items.map((i: EventItem) => i.seq)).not.toContain(deniedRead.seq);
    const searched = await ownApi.get(`/api/audit?childId=${pupil.id}&outcome=denied`, cookie);
    expect(searched.json().items[0]).toMatchObject({
      seq: deniedRead.seq,
      reviewed: true,
      review: { comment: 'Polisen saknar grund; kontaktat enheten.' },
    });

    // Reviewing never touched the event: same hash, intact chain.
    const [hashAfter] = await queryRows<{ hash: string }>(own.db, sql`SELECT hash FROM audit_events WHERE seq = ${deniedRead.seq}`);
    expect(hashAfter?.hash).toBe(hashBefore?.hash);
    const verified = await verifyAuditChain(own.db);
    expect(verified.ok).toBe(true);
    expect(verified.checked).toBeGreaterThan(before.checked);
  });

  it('a reviewer may not review their own action', async () => {
    const { cookie } = await signIn(ownApp, ownReviewer.username);
    await ownApi.get('/api/audit?limit=1', cookie);
    const own1 = (await lastEventOf(own, ownReviewer.id, 'audit.search'))!;
    const response = await ownApi.post(`/api/audit/events/${own1.seq}/review`, { comment: 'Fine by me', selectedAs: 'sample' }, cookie);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('You cannot review your own actions.');
  });

  it('an UPDATE of one row and a DELETE of a middle row are both detected', async () => {
    const pupil = await w.makeChild({ age: 12, at: [{ unitId: w.units.school.id, kind: 'school_class' }] });
    const police = await signIn(ownApp, w.staff.policeOfficer.username);
    const teacher = await signIn(ownApp, w.staff.teacher.username);
    await ownApi.get(`/api/children/${pupil.id}`, police.cookie);
    await ownApi.get(`/api/children/${pupil.id}`, teacher.cookie);
    await ownApi.get(`/api/children/${pupil.id}`, teacher.cookie);
    const denied = (await lastEventOf(own, w.staff.policeOfficer.id, 'child.read'))!;

    const { cookie } = await signIn(ownApp, ownReviewer.username);
    const intact = await ownApi.get('/api/audit/verify', cookie);
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toMatchObject({ ok: true });
    expect(intact.json().brokenAtSeq).toBeUndefined();

    // Someone with database access hides the police officer's denied read.
    await own.db.execute(sql`UPDATE audit_events SET outcome = 'allowed' WHERE seq = ${denied.seq}`);
    expect(await verifyAuditChain(own.db)).toMatchObject({ ok: false, brokenAtSeq: denied.seq, problem: 'content_changed' });
    const changed = await ownApi.get('/api/audit/verify', cookie);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ ok: false, brokenAtSeq: denied.seq, problem: 'content_changed' });
    // The failed check is on record.
    expect((await lastEventOf(own, ownReviewer.id, 'audit.verify'))?.details).toMatchObject({ ok: false, brokenAtSeq: denied.seq });

    // Putting it back restores the chain; deleting a row in the middle breaks the next link.
    await own.db.execute(sql`UPDATE audit_events SET outcome = 'denied' WHERE seq = ${denied.seq}`);
    expect((await verifyAuditChain(own.db)).ok).toBe(true);
    const [next] = await queryRows<{ seq: string }>(
      own.db,
      sql`SELECT e.seq::text AS seq FROM audit_events e WHERE e.seq > ${denied.seq} ORDER BY e.seq LIMIT 1`,
    );
    await own.db.execute(sql`DELETE FROM audit_events WHERE seq = ${denied.seq}`);
    expect(await verifyAuditChain(own.db)).toMatchObject({ ok: false, brokenAtSeq: Number(next!.seq), problem: 'link_broken' });
    const deleted = await ownApi.get('/api/audit/verify', cookie);
    expect(deleted.json()).toMatchObject({ ok: false, brokenAtSeq: Number(next!.seq), problem: 'link_broken' });
  });
});
