/**
 * Concerns through the API. The teacher at Ekskolan notices something about a
 * pupil at Björkskolan, whom she cannot see: she raises a concern by personal
 * identity number and sees only its status; the principal of Björkskolan – the
 * child's named person – has it in the inbox at once, acknowledges it and
 * records what happens, each step timestamped and audited. Nobody else reads
 * it, except a team member on a consent that covers `concern` (until it is
 * withdrawn). A mandatory report made from it reaches the social-services intake.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, queryRows } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { applyHandoverForChild } from '../../src/services/named-person.ts';
import { testDatabase } from '../support/db.ts';
import { addStaffRole, birthDateForAge, makeStaffMember, makeWorld, signIn, TEST_PASSWORD, uniquePersonnummer, type World } from '../support/factories.ts';

let database: Database;
let app: FastifyInstance;
let world: World;
let intake: { id: string; username: string };

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, serveWeb: false });
  world = await makeWorld(database.db);
  intake = await makeStaffMember(database.db, { username: 'ida.intag', unitId: world.units.socialServices.id, role: 'intake_social_worker' });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const WORRY = 'Eleven verkar hungrig och trött varje morgon på fritids, och säger att ingen är hemma på kvällarna.';

function concernBody(over: Record<string, unknown> = {}) {
  return {
    urgency: 'high',
    indicators: ['nurtured', 'safe'],
    answers: {
      whatIsGettingInTheWay: WORRY,
      haveAllInformation: 'Nej – jag vet inte hur det ser ut hemma.',
      whatCanIDoNow: 'Erbjuda frukost på fritids och prata med eleven.',
      whatCanMyAgencyDo: 'Inget mer från oss; eleven går på en annan skola.',
      whatHelpFromOthers: 'Barnkontakten på elevens skola behöver veta.',
    },
    needsOthers: true,
    ...over,
  };
}

async function countConcerns(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM concerns WHERE municipality_id = ${world.municipality.id}::uuid`);
  return row!.n;
}

describe('a concern reaches the named person', () => {
  it('the teacher raises one by personal identity number, sees only its status; the named person acts, every step timed and audited', async () => {
    const child = await world.makeChild({ age: 10, givenName: `Oro${world.tag}`, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    expect((await call('GET', `/api/children/${child.id}`, teacher.cookie)).statusCode).toBe(404);

    const raised = await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: child.personnummer }));
    expect(raised.statusCode, raised.body).toBe(201);
    const { concern, receipt } = raised.json();
    expect(receipt.recipient).toMatchObject({ staffId: world.staff.otherPrincipal.id, kind: 'named_person', unitName: world.units.otherSchool.name });
    expect(receipt.message.en).toMatch(/has been sent to Olle Test/);
    expect(concern).toMatchObject({ view: 'status', status: 'new', urgency: 'high', sharingBasis: 'own_agency', overdue: false });
    expect(concern.indicators.map((i: { key: string }) => i.key)).toEqual(['nurtured', 'safe']);
    // The raiser's view names no child and says nothing the named person records.
    expect(raised.body).not.toContain(child.id);
    expect(raised.body).not.toContain(`Oro${world.tag}`);
    expect(concern).not.toHaveProperty('actions');
    const id = concern.id as string;

    // Raising gave the teacher no window on the child.
    expect((await call('GET', `/api/children/${child.id}`, teacher.cookie)).statusCode).toBe(404);
    const own = await call('GET', `/api/concerns/${id}`, teacher.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ view: 'status', id, status: 'new' });
    const mine = (await call('GET', '/api/concerns?mine=true', teacher.cookie)).json().items;
    expect(mine.map((c: { id: string }) => c.id)).toContain(id);
    expect((await call('GET', '/api/concerns', teacher.cookie)).json().items.map((c: { id: string }) => c.id)).not.toContain(id);

    // The named person has it in the inbox at once, in full.
    const np = await signIn(app, world.staff.otherPrincipal.username);
    const inbox = (await call('GET', '/api/concerns?status=open', np.cookie)).json().items;
    const inInbox = inbox.find((c: { id: string }) => c.id === id);
    expect(inInbox).toMatchObject({
      view: 'full',
      status: 'new',
      child: { id: child.id, givenName: `Oro${world.tag}`, masked: false },
      raisedBy: { staffId: world.staff.teacher.id, unitId: world.units.school.id },
      answers: { whatIsGettingInTheWay: WORRY },
      needsOthers: true,
      allowedActions: ['acknowledged', 'handled_in_agency', 'information_gathered', 'coordinated_support', 'mandatory_report', 'closed'],
    });

    // An unrelated professional: not found, not listed, cannot act.
    const nurse = await signIn(app, world.staff.nurse.username);
    expect((await call('GET', `/api/concerns/${id}`, nurse.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/concerns', nurse.cookie)).json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await call('POST', `/api/concerns/${id}/actions`, nurse.cookie, { kind: 'acknowledged' })).statusCode).toBe(404);
    // The raiser sees the status but does not act on it.
    const teacherActs = await call('POST', `/api/concerns/${id}/actions`, teacher.cookie, { kind: 'acknowledged' });
    expect(teacherActs.statusCode).toBe(403);

    // Acknowledge: the first response, timestamped.
    const ack = await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'acknowledged' });
    expect(ack.statusCode, ack.body).toBe(201);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', allowedActions: expect.not.arrayContaining(['acknowledged']) });
    const { raisedAt, acknowledgedAt, firstResponseAt } = ack.json();
    expect(firstResponseAt).toBe(acknowledgedAt);
    expect(new Date(firstResponseAt).getTime()).toBeGreaterThanOrEqual(new Date(raisedAt).getTime());
    const again = await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'acknowledged' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'concern_action_not_possible', message: 'The concern has already been acknowledged.' });

    // What happens next; a note is required where it says what was done.
    expect((await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'information_gathered', note: 'Pratat med mentorn.' })).json().status).toBe('in_progress');
    const noNote = await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'handled_in_agency' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toMatch(/note/);
    const handled = await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'handled_in_agency', note: 'Frukost ordnad via elevhälsan; samtal med vårdnadshavarna bokat.' });
    expect(handled.statusCode).toBe(201);
    expect(handled.json().actions.map((a: { kind: string }) => a.kind)).toEqual(['acknowledged', 'information_gathered', 'handled_in_agency']);
    // The first response stays the first.
    expect(handled.json().firstResponseAt).toBe(firstResponseAt);

    // The raiser sees the new status – never the named person's notes.
    const status = await call('GET', `/api/concerns/${id}`, teacher.cookie);
    expect(status.json()).toMatchObject({ view: 'status', status: 'in_progress', firstResponseAt });
    expect(status.body).not.toContain('Frukost ordnad');

    // Closed with a reason; nothing follows.
    expect((await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'closed' })).statusCode).toBe(400);
    const closed = await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'closed', note: 'Stödet är på plats.' });
    expect(closed.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect(closed.json().closedAt).not.toBeNull();
    const after = await call('POST', `/api/concerns/${id}/actions`, np.cookie, { kind: 'information_gathered', note: 'x y z' });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toMatch(/closed/);
    expect((await call('GET', '/api/concerns?status=open', np.cookie)).json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await call('GET', '/api/concerns?status=closed', np.cookie)).json().items.map((c: { id: string }) => c.id)).toContain(id);

    // The trail: who did what, allowed and denied – never the answers or notes.
    const events = await queryRows<{ action: string; outcome: string; actor_id: string; child_id: string | null; details: Record<string, unknown> }>(
      database.db,
      sql`SELECT action, outcome, actor_id, child_id, details FROM audit_events WHERE resource_id = ${id} ORDER BY seq`,
    );
    const summary = events.map((e) => `${e.action}:${e.outcome}`);
    expect(summary[0]).toBe('concern.create:allowed');
    expect(events[0]).toMatchObject({ actor_id: world.staff.teacher.id, child_id: child.id });
    expect(summary).toContain('concern.read:allowed');
    expect(summary).toContain('concern.read:denied');
    expect(summary).toContain('concern.action:denied');
    const actions = events.filter((e) => e.action === 'concern.action' && e.outcome === 'allowed');
    expect(actions.map((e) => [e.details.from, e.details.to])).toEqual([
      ['new', 'acknowledged'],
      ['acknowledged', 'in_progress'],
      ['in_progress', 'in_progress'],
      ['in_progress', 'closed'],
    ]);
    expect(actions.every((e) => e.actor_id === world.staff.otherPrincipal.id)).toBe(true);
    const all = JSON.stringify(events.map((e) => e.details));
    expect(all).not.toContain('hungrig');
    expect(all).not.toContain('Frukost');
    const [listed] = await queryRows<{ child_ids: string[]; details: { concernIds: string[] } }>(
      database.db,
      sql`SELECT child_ids, details FROM audit_events WHERE action = 'concern.list' AND actor_id = ${world.staff.otherPrincipal.id}::uuid ORDER BY seq LIMIT 1`,
    );
    expect(listed!.child_ids).toContain(child.id);
    expect(listed!.details.concernIds).toContain(id);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('a team member reads it with consent covering `concern`, and not after withdrawal', async () => {
    const child = await world.makeChild({ age: 12, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    const principal = await signIn(app, world.staff.principal.username);
    const police = await signIn(app, world.staff.policeOfficer.username);
    const raised = await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: child.id, urgency: 'normal' }));
    expect(raised.statusCode, raised.body).toBe(201);
    // A teacher who can see the child reads the whole concern (rule 1), sent to the named person at her own school.
    expect(raised.json().concern).toMatchObject({ view: 'full', recipient: { staffId: world.staff.principal.id } });
    const id = raised.json().concern.id as string;

    expect((await call('GET', `/api/concerns/${id}`, police.cookie)).statusCode).toBe(404);
    const guardians = await queryRows<{ guardian_id: string }>(
      database.db,
      sql`SELECT guardian_id FROM guardianships WHERE child_id = ${child.id}::uuid AND custody ORDER BY guardian_id`,
    );
    const consent = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, {
      guardians: guardians.map((g) => ({ guardianId: g.guardian_id, decision: 'given' })),
      recipientAgencyTypes: ['police'],
      categories: ['concern'],
      purposes: ['information_sharing'],
      form: 'written',
      childView: 'Det är okej att polisen vet.',
      childDecision: 'not_asked',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect((await call('POST', `/api/children/${child.id}/team`, principal.cookie, { staffId: world.staff.policeOfficer.id, unitId: world.units.policeUnit.id })).statusCode).toBe(201);

    const read = await call('GET', `/api/concerns/${id}`, police.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ view: 'full', allowedActions: [] });
    expect((await call('GET', '/api/concerns', police.cookie)).json().items.map((c: { id: string }) => c.id)).toContain(id);
    // Reading is not acting.
    expect((await call('POST', `/api/concerns/${id}/actions`, police.cookie, { kind: 'acknowledged' })).statusCode).toBe(403);

    const withdrawn = await call('POST', `/api/consents/${consent.json().id}/withdraw`, principal.cookie, {
      party: { guardianId: guardians[0]!.guardian_id },
      note: 'Mamma återkallar.',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await call('GET', `/api/concerns/${id}`, police.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/concerns', police.cookie)).json().items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('a mandatory report made from the concern reaches the social-services intake', async () => {
    const child = await world.makeChild({ age: 9, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    const principal = await signIn(app, world.staff.principal.username);
    const id = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: child.id, urgency: 'immediate' }))).json().concern.id;

    // Straight to a report, without acknowledging first: that is the first response.
    const reported = await call('POST', `/api/concerns/${id}/actions`, principal.cookie, {
      kind: 'mandatory_report',
      note: 'Barnet berättade om våld hemma.',
      report: { description: 'Barnet berättade i dag att pappa slår; blåmärken på armen.', immediateDanger: true },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(reported.json()).toMatchObject({ status: 'in_progress' });
    expect(reported.json().firstResponseAt).not.toBeNull();
    const reportId = reported.json().actions[0].reportOfConcernId as string;
    expect(reportId).toMatch(/^[0-9a-f-]{36}$/);

    const intakeSession = await signIn(app, intake.username);
    const inbox = (await call('GET', '/api/reports-of-concern', intakeSession.cookie)).json().items;
    expect(inbox.find((r: { id: string }) => r.id === reportId)).toMatchObject({ childId: child.id, immediateDanger: true });
    // The intake reads the report – not the concern.
    expect((await call('GET', `/api/concerns/${id}`, intakeSession.cookie)).statusCode).toBe(404);

    // Or link a report already filed; someone else's report cannot be linked.
    const filed = await call('POST', '/api/reports-of-concern', principal.cookie, { personnummer: child.personnummer, description: 'Tidigare anmälan om samma sak.' });
    const linked = await call('POST', `/api/concerns/${id}/actions`, principal.cookie, { kind: 'mandatory_report', reportOfConcernId: filed.json().id });
    expect(linked.statusCode).toBe(201);
    const teacherReport = await call('POST', '/api/reports-of-concern', teacher.cookie, { personnummer: child.personnummer, description: 'Lärarens egen anmälan.' });
    const foreign = await call('POST', `/api/concerns/${id}/actions`, principal.cookie, { kind: 'mandatory_report', reportOfConcernId: teacherReport.json().id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual({ field: 'reportOfConcernId' });
    const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM concern_actions WHERE concern_id = ${id}::uuid AND kind = 'mandatory_report'`);
    expect(row!.n).toBe(2);
  });

  it('across agencies it needs a sharing basis; a guardian asking is one; without a named person the enrolling unit receives it', async () => {
    const child = await world.makeChild({ age: 11, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const police = await signIn(app, world.staff.policeOfficer.username);
    const before = await countConcerns();
    const refused = await call('POST', '/api/concerns', police.cookie, concernBody({ personnummer: child.personnummer }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('consent_missing');
    expect(refused.json().error.message).toMatch(/consent/);
    expect(await countConcerns()).toBe(before);

    const asked = await call('POST', '/api/concerns', police.cookie, concernBody({ personnummer: child.personnummer, source: 'guardian', sourceNote: 'Mamman ringde polisen och bad om stöd.' }));
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().concern).toMatchObject({ view: 'status', source: 'guardian', sourceNote: 'Mamman ringde polisen och bad om stöd.', sharingBasis: 'family_request' });

    const stated = await call('POST', '/api/concerns', police.cookie, concernBody({ personnummer: child.personnummer, sharingBasis: { kind: 'other_statute', reference: 'OSL 10 kap. 18 a §' } }));
    expect(stated.json().concern.sharingBasis).toBe('other_statute');

    // The family declines the named person: the concern still reaches the head of the child's school.
    const declinedChild = await world.makeChild({ age: 11, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const otherPrincipal = await signIn(app, world.staff.otherPrincipal.username);
    const declined = await call('POST', `/api/children/${declinedChild.id}/named-person`, otherPrincipal.cookie, { action: 'decline', reason: 'Familjen avböjer barnkontakt.' });
    expect(declined.statusCode, declined.body).toBe(201);
    const teacher = await signIn(app, world.staff.teacher.username);
    const fallback = await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: declinedChild.personnummer }));
    expect(fallback.json().receipt.recipient).toMatchObject({ staffId: world.staff.otherPrincipal.id, kind: 'enrolling_unit' });
  });

  it('protected identity: the raiser is not told who received it; the named person sees the name', async () => {
    const child = await world.makeChild({ age: 8, protectedIdentity: true, givenName: `Skyddad${world.tag}`, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    const raised = await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: child.personnummer }));
    expect(raised.statusCode).toBe(201);
    expect(raised.json().receipt).toMatchObject({ recipient: null, recipientWithheld: true });
    expect(raised.body).not.toContain(world.units.otherSchool.name);
    const np = await signIn(app, world.staff.otherPrincipal.username);
    const read = await call('GET', `/api/concerns/${raised.json().receipt.id}`, np.cookie);
    expect(read.json().child).toMatchObject({ givenName: `Skyddad${world.tag}`, masked: false });
  });

  it('the inbox: most urgent first, then oldest; overdue marked', async () => {
    const principal = await makeStaffMember(database.db, { username: 'rut.rektor', unitId: world.units.preschool.id, role: 'preschool_principal' });
    const a = await world.makeChild({ age: 4, at: [{ unitId: world.units.preschool.id, kind: 'preschool' }] });
    const b = await world.makeChild({ age: 4, at: [{ unitId: world.units.preschool.id, kind: 'preschool' }] });
    // The children's named person is the preschool's principal (the first such role by id); send both to whoever it is.
    const teacher = await signIn(app, world.staff.preschoolPrincipal.username);
    const low = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: a.id, urgency: 'low' }))).json();
    const normalOld = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: b.id, urgency: 'normal' }))).json();
    const normalNew = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: a.id, urgency: 'normal' }))).json();
    const immediate = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: b.id, urgency: 'immediate' }))).json();
    await database.db.execute(sql`UPDATE concerns SET raised_at = now() - interval '30 days' WHERE id = ${normalOld.concern.id}::uuid`);
    const recipientId = low.receipt.recipient.staffId as string;
    expect([world.staff.preschoolPrincipal.id, principal.id]).toContain(recipientId);
    const recipientName = recipientId === principal.id ? principal.username : world.staff.preschoolPrincipal.username;
    const inbox = await signIn(app, recipientName);
    const items = (await call('GET', '/api/concerns?status=new&limit=100', inbox.cookie)).json().items as { id: string; overdue: boolean }[];
    const ours = items.filter((c) => [low, normalOld, normalNew, immediate].some((x) => x.concern.id === c.id));
    expect(ours.map((c) => c.id)).toEqual([immediate.concern.id, normalOld.concern.id, normalNew.concern.id, low.concern.id]);
    expect(ours.map((c) => c.overdue)).toEqual([false, true, false, false]);
    // Keyset pages give the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await call('GET', `/api/concerns?status=new&limit=1${cursor ? `&cursor=${cursor}` : ''}`, inbox.cookie)
      ).json();
      if (!page.items) throw new Error(JSON.stringify(page));
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((c) => c.id));
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const child = await world.makeChild({ age: 7, at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teacher = await signIn(app, world.staff.teacher.username);
    const before = await countConcerns();

    const unknown = await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: child.id, indicators: ['safe', 'happy'] }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_indicator', details: { field: 'indicators', key: 'happy' } });
    expect(unknown.json().error.message).toMatch(/"happy"/);

    const notRegistered = await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: uniquePersonnummer(birthDateForAge(9, 123)) }));
    expect(notRegistered.statusCode).toBe(422);
    expect(notRegistered.json().error.code).toBe('child_not_registered');

    const cases: unknown[] = [
      {},
      concernBody(),
      concernBody({ childId: child.id, personnummer: child.personnummer }),
      concernBody({ childId: child.id, answers: { whatIsGettingInTheWay: '' } }),
      concernBody({ childId: child.id, urgency: 'whenever' }),
      concernBody({ childId: child.id, source: 'guardian' }),
      concernBody({ childId: child.id, needsOthers: 'yes' }),
      concernBody({ childId: child.id, indicators: ['safe', 'safe'] }),
      concernBody({ childId: 'not-a-uuid' }),
      concernBody({ personnummer: '19811218-9875' }),
      // A NUL character cannot be stored: a 400, not a 500.
      concernBody({ childId: child.id, answers: { whatIsGettingInTheWay: 'Hungrig\u0000 varje morgon.' } }),
    ];
    for (const body of cases) {
      const response = await call('POST', '/api/concerns', teacher.cookie, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 160)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().error.message.length).toBeGreaterThan(5);
    }
    const both = await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: child.id, personnummer: child.personnummer }));
    expect(both.statusCode).toBe(400);
    expect(both.json().error.message).toMatch(/childId/);
    const invalid = await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: '19811218-9875' }));
    expect(invalid.json().error.code).toBe('invalid_personnummer');
    // A child the teacher cannot see, by id: not found.
    const elsewhere = await world.makeChild({ age: 7, at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    expect((await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: elsewhere.id }))).statusCode).toBe(404);
    expect(await countConcerns()).toBe(before);

    for (const url of ['/api/concerns?status=lost', '/api/concerns?mine=maybe', '/api/concerns?limit=0', '/api/concerns?cursor=bm9wZQ', '/api/concerns/not-a-uuid']) {
      const response = await call('GET', url, teacher.cookie);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
    }
    const id = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: child.id }))).json().concern.id;
    const principal = await signIn(app, world.staff.principal.username);
    for (const body of [{ kind: 'sent' }, { kind: 'mandatory_report' }, { kind: 'acknowledged', report: { description: 'Något som är långt nog.' } }]) {
      expect((await call('POST', `/api/concerns/${id}/actions`, principal.cookie, body)).statusCode).toBe(400);
    }
    const [actions] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM concern_actions WHERE concern_id = ${id}::uuid`);
    expect(actions!.n).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/concerns' })).statusCode).toBe(401);
  });

  it('serves the form: the five questions in sv and en, urgencies with deadlines, the profile indicators', async () => {
    const teacher = await signIn(app, world.staff.teacher.username);
    const form = (await call('GET', '/api/concerns/form', teacher.cookie)).json();
    expect(form.questions).toHaveLength(5);
    expect(form.questions[0].text.en).toBe("What is getting in the way of this child or young person's wellbeing?");
    expect(form.urgencies.map((u: { key: string }) => u.key)).toEqual(['immediate', 'high', 'normal', 'low']);
    expect(form.urgencies[0].firstResponse.en).toBe('within 4 hours');
    expect(form.indicators.length).toBeGreaterThanOrEqual(8);
  });
});

describe('demo concerns', () => {
  it('land in the named person’s inbox, marked as generated', async () => {
    const { seedDemoConcerns } = await import('../../src/services/seed-concerns.ts');
    const local = await makeWorld(database.db);
    for (let i = 0; i < 3; i++) await local.makeChild({ age: 10, at: [{ unitId: local.units.school.id, kind: 'school_class' }] });
    const made = await seedDemoConcerns({ db: database.db, recipientUsername: local.staff.principal.username, policeUsername: local.staff.policeOfficer.username });
    expect(made).toBe(3);
    const principal = await signIn(app, local.staff.principal.username);
    const items = (await call('GET', '/api/concerns', principal.cookie)).json().items as { view: string; urgency: string; answers: { whatIsGettingInTheWay: string } }[];
    expect(items).toHaveLength(3);
    expect(items[0]!.urgency).toBe('immediate');
    expect(items.every((c) => c.view === 'full' && c.answers.whatIsGettingInTheWay.includes('Genererad demodata'))).toBe(true);
  });
});

/** Signs in from an address of its own, so these stories do not share the login rate limit with those above. */
let logins = 0;
async function login(username: string, on: FastifyInstance = app): Promise<{ cookie: string }> {
  logins++;
  const response = await on.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD }, remoteAddress: `10.9.${logins >> 8}.${logins & 255}` });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${username}: ${response.statusCode} ${response.body}`);
  return { cookie: String(response.headers['set-cookie']).split(';')[0]! };
}

describe('a concern follows the named person', () => {
  async function forwardEvents(concernId: string) {
    return queryRows<{ actor_id: string | null; details: { concernIds: string[] } }>(
      database.db,
      sql`SELECT actor_id, details FROM audit_events WHERE action = 'concern.forward' AND details->'concernIds' ? ${concernId}`,
    );
  }

  it('a manual assignment moves the open concerns – not the closed – with a visible history entry; after a decline they stay', async () => {
    const child = await world.makeChild({ age: 10, extraDays: 41 + Math.floor(Math.random() * 300), at: [{ unitId: world.units.otherSchool.id, kind: 'school_class' }] });
    const teacher = await login(world.staff.teacher.username);
    const oldNp = await login(world.staff.otherPrincipal.username);
    const open = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: child.personnummer }))).json().concern.id as string;
    const closed = (await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: child.personnummer }))).json().concern.id as string;
    expect((await call('POST', `/api/concerns/${closed}/actions`, oldNp.cookie, { kind: 'closed', note: 'Redan hanterat.' })).statusCode).toBe(201);

    const deputy = await makeStaffMember(database.db, { username: 'vera.bitradande', unitId: world.units.otherSchool.id, role: 'school_principal' });
    const assigned = await call('POST', `/api/children/${child.id}/named-person`, oldNp.cookie, { action: 'assign', staffId: deputy.id, reason: 'Olle går i pension.' });
    expect(assigned.statusCode, assigned.body).toBe(201);

    const newNp = await login(deputy.username);
    const moved = await call('GET', `/api/concerns/${open}`, newNp.cookie);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ view: 'full', recipient: { staffId: deputy.id, kind: 'named_person' }, allowedActions: expect.arrayContaining(['acknowledged']) });
    const history = moved.json().actions as { kind: string; actor: { staffId: string } | null; forwarded: unknown }[];
    expect(history).toEqual([
      expect.objectContaining({ kind: 'forwarded', actor: expect.objectContaining({ staffId: world.staff.otherPrincipal.id }), forwarded: { fromStaffId: world.staff.otherPrincipal.id, toStaffId: deputy.id } }),
    ]);
    expect((await call('GET', '/api/concerns?status=open', newNp.cookie)).json().items.map((c: { id: string }) => c.id)).toContain(open);
    // Forwarding is not a response: the deadline still runs from when it was raised.
    expect(moved.json()).toMatchObject({ status: 'new', firstResponseAt: null });
    // The old named person no longer acts on it.
    expect((await call('POST', `/api/concerns/${open}/actions`, oldNp.cookie, { kind: 'acknowledged' })).statusCode).toBe(404);
    // The closed concern stays where it was.
    const [stayed] = await queryRows<{ recipient_staff_id: string }>(database.db, sql`SELECT recipient_staff_id FROM concerns WHERE id = ${closed}::uuid`);
    expect(stayed!.recipient_staff_id).toBe(world.staff.otherPrincipal.id);
    const events = await forwardEvents(open);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_id).toBe(world.staff.otherPrincipal.id);
    expect(events[0]!.details.concernIds).toEqual([open]);

    // The family declines the named person: nobody holds the role, the concern stays with its recipient.
    expect((await call('POST', `/api/children/${child.id}/named-person`, newNp.cookie, { action: 'decline', reason: 'Familjen avböjer.' })).statusCode).toBe(201);
    const kept = await call('GET', `/api/concerns/${open}`, newNp.cookie);
    expect(kept.statusCode).toBe(200);
    expect(kept.json().recipient.staffId).toBe(deputy.id);
    expect((await call('POST', `/api/concerns/${open}/actions`, newNp.cookie, { kind: 'acknowledged' })).statusCode).toBe(201);
  });

  it('the handover job moves them too, as the system (actor null)', async () => {
    const child = await world.makeChild({ age: 10, extraDays: 42 + Math.floor(Math.random() * 300), at: [{ unitId: world.units.school.id, kind: 'school_class' }] });
    const teacher = await login(world.staff.teacher.username);
    const police = await login(world.staff.policeOfficer.username);
    const raised = await call('POST', '/api/concerns', teacher.cookie, concernBody({ childId: child.id }));
    expect(raised.json().receipt.recipient.staffId).toBe(world.staff.principal.id);
    const id = raised.json().concern.id as string;
    // Sent on the family's own request: that basis goes with the concern to any agency.
    const asked = (await call('POST', '/api/concerns', police.cookie, concernBody({ personnummer: child.personnummer, source: 'guardian', sourceNote: 'Pappan bad om hjälp.' })))
      .json().concern.id as string;

    // The child changes school.
    await database.db.execute(sql`UPDATE enrollments SET end_date = CURRENT_DATE - 1 WHERE child_id = ${child.id}::uuid`);
    await database.db.execute(sql`INSERT INTO enrollments (municipality_id, child_id, unit_id, kind, start_date)
      VALUES (${world.municipality.id}::uuid, ${child.id}::uuid, ${world.units.otherSchool.id}::uuid, 'school_class', CURRENT_DATE)`);
    await database.db.transaction((tx) => applyHandoverForChild(tx, child.id));

    // The new named person: a principal of Björkskolan (there may be more than one by now).
    const [current] = await queryRows<{ staff_id: string; username: string; unit_id: string }>(
      database.db,
      sql`SELECT n.staff_id, s.username, n.unit_id FROM named_person_assignments n JOIN staff s ON s.id = n.staff_id
           WHERE n.child_id = ${child.id}::uuid AND n.valid_to IS NULL`,
    );
    expect(current!.unit_id).toBe(world.units.otherSchool.id);
    const np = await login(current!.username);
    for (const concernId of [id, asked]) {
      const read = await call('GET', `/api/concerns/${concernId}`, np.cookie);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().recipient.staffId).toBe(current!.staff_id);
      expect(read.json().actions).toEqual([expect.objectContaining({ kind: 'forwarded', actor: null })]);
    }
    const events = await forwardEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_id).toBeNull();
    expect(events[0]!.details.concernIds.sort()).toEqual([id, asked].sort());
    const oldNp = await login(world.staff.principal.username);
    expect((await call('POST', `/api/concerns/${id}/actions`, oldNp.cookie, { kind: 'acknowledged' })).statusCode).toBe(404);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});

describe('a concern that reaches no one', () => {
  it('goes to the social-services intake of the child’s municipality, who reads and acts on it; still on a sharing basis', async () => {
    const child = await world.makeChild({ age: 10, extraDays: 50 + Math.floor(Math.random() * 300) });
    const teacher = await login(world.staff.teacher.username);
    const refused = await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: child.personnummer }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'consent_missing' });
    expect(refused.json().error.message).toMatch(/social-services intake/);

    const raised = await call('POST', '/api/concerns', teacher.cookie, concernBody({ personnummer: child.personnummer, source: 'guardian', sourceNote: 'Mamman bad om stöd.' }));
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json().receipt).toMatchObject({ recipient: null, recipientWithheld: false });
    expect(raised.json().receipt.message.en).toMatch(/social-services intake/);
    const id = raised.json().concern.id as string;

    const ida = await login(intake.username);
    expect((await call('GET', '/api/concerns', ida.cookie)).json().items.map((c: { id: string }) => c.id)).toContain(id);
    const read = await call('GET', `/api/concerns/${id}`, ida.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ view: 'full', recipient: null, allowedActions: expect.arrayContaining(['acknowledged']) });
    expect((await call('POST', `/api/concerns/${id}/actions`, ida.cookie, { kind: 'acknowledged' })).statusCode).toBe(201);
    // Not the intake of another municipality.
    const other = await makeWorld(database.db);
    const otherIntake = await makeStaffMember(database.db, { username: 'ivar.intag', unitId: other.units.socialServices.id, role: 'intake_social_worker' });
    expect((await call('GET', `/api/concerns/${id}`, (await login(otherIntake.username)).cookie)).statusCode).toBe(404);
  });
});

describe('the inbox is decided row by row in code, in a bounded number of queries', () => {
  /** Counts the statements a database handle runs (transactions included). */
  function counting(db: Db) {
    let statements = 0;
    const wrap = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(t, prop, receiver) {
          const value = Reflect.get(t, prop, receiver) as unknown;
          if (typeof value !== 'function') return value;
          const fn = value as (...args: unknown[]) => unknown;
          if (prop === 'transaction') return (cb: (tx: object) => unknown, ...rest: unknown[]) => fn.call(t, (tx: object) => cb(wrap(tx)), ...rest);
          if (['execute', 'select', 'insert', 'update', 'delete'].includes(String(prop))) {
            return (...args: unknown[]) => {
              statements++;
              return fn.apply(t, args);
            };
          }
          return fn.bind(t);
        },
      });
    return { db: wrap(db), statements: () => statements };
  }

  it('the same number of queries for a page of 2 and a page of 8', async () => {
    const counted = counting(database.db);
    const countingApp = await buildApp({ database: { ...database, db: counted.db }, serveWeb: false });
    try {
      const local = await makeWorld(database.db);
      const teacher = await signIn(countingApp, local.staff.teacher.username);
      for (let i = 0; i < 8; i++) {
        const child = await local.makeChild({ age: 10, extraDays: 43 + Math.floor(Math.random() * 300), at: [{ unitId: local.units.school.id, kind: 'school_class' }] });
        expect((await countingApp.inject({ method: 'POST', url: '/api/concerns', headers: { cookie: teacher.cookie }, payload: concernBody({ childId: child.id }) })).statusCode).toBe(201);
      }
      const principal = await signIn(countingApp, local.staff.principal.username);
      const page = async (limit: number) => {
        const before = counted.statements();
        const response = await countingApp.inject({ method: 'GET', url: `/api/concerns?limit=${limit}`, headers: { cookie: principal.cookie } });
        expect(response.json().items).toHaveLength(limit);
        return counted.statements() - before;
      };
      await page(1); // warm the profile cache
      const small = await page(2);
      const large = await page(8);
      expect(large).toBe(small);
    } finally {
      await countingApp.close();
    }
  });
});

describe('the form offers the child’s own indicators', () => {
  it('for a child you can see; for one you cannot, your own – exactly as for no child – and raising accepts them', async () => {
    const backa = await makeWorld(database.db, { profileKey: 'backa-barnet' });
    const child = await backa.makeChild({ age: 10, extraDays: 44 + Math.floor(Math.random() * 300), at: [{ unitId: backa.units.school.id, kind: 'school_class' }] });
    const hidden = await backa.makeChild({ age: 10, extraDays: 45 + Math.floor(Math.random() * 300), at: [{ unitId: backa.units.otherSchool.id, kind: 'school_class' }] });
    // A teacher of this world's Ekskolan (TSI: SHANARRI) who also teaches at the other municipality's Ekskolan (Backa barnet).
    const both = await makeStaffMember(database.db, { username: 'tove.tvakommun', unitId: world.units.school.id, role: 'teacher' });
    await addStaffRole(database.db, { staffId: both.id, unitId: backa.units.school.id, role: 'teacher' });
    // The first role held is the primary one: this world's.
    await database.db.execute(sql`UPDATE staff_roles SET valid_from = CURRENT_DATE - 10 WHERE staff_id = ${both.id}::uuid AND unit_id = ${world.units.school.id}::uuid`);
    const session = await login(both.username);
    const keys = (body: { indicators: { key: string }[] }) => body.indicators.map((i) => i.key);

    const plain = (await call('GET', '/api/concerns/form', session.cookie)).json();
    expect(plain.indicatorsFrom).toBe('your_municipality');
    expect(keys(plain)).toContain('safe');
    const forChild = await call('GET', `/api/concerns/form?childId=${child.id}`, session.cookie);
    expect(forChild.statusCode).toBe(200);
    expect(forChild.json().indicatorsFrom).toBe('child');
    expect(keys(forChild.json())).toContain('respect');
    expect(keys(forChild.json())).not.toContain('safe');
    const byPnr = await call('POST', '/api/concerns/form', session.cookie, { personnummer: child.personnummer });
    expect(byPnr.json()).toEqual(forChild.json());

    // A child the caller cannot see, and one that does not exist: the same answer as no child.
    const unseen = (await call('GET', `/api/concerns/form?childId=${hidden.id}`, session.cookie)).json();
    const unknown = (await call('GET', `/api/concerns/form?childId=${crypto.randomUUID()}`, session.cookie)).json();
    const unseenByPnr = (await call('POST', '/api/concerns/form', session.cookie, { personnummer: hidden.personnummer })).json();
    const unregistered = (await call('POST', '/api/concerns/form', session.cookie, { personnummer: uniquePersonnummer(birthDateForAge(9, 77)) })).json();
    for (const answer of [unseen, unknown, unseenByPnr, unregistered]) expect(answer).toEqual(plain);
    expect((await call('POST', '/api/concerns/form', session.cookie, { personnummer: '19811218-9875' })).json().error.code).toBe('invalid_personnummer');
    expect((await call('GET', '/api/concerns/form?personnummer=201001011234', session.cookie)).statusCode).toBe(400);

    // Raising for the hidden child with what the form offered works; an unknown key names only the offered ones.
    const body = { personnummer: hidden.personnummer, source: 'guardian', sourceNote: 'Mamman ringde.' };
    const raised = await call('POST', '/api/concerns', session.cookie, concernBody({ ...body, indicators: ['safe'] }));
    expect(raised.statusCode, raised.body).toBe(201);
    const wrong = await call('POST', '/api/concerns', session.cookie, concernBody({ ...body, indicators: ['happy'] }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toMatch(/safe/);
    expect(wrong.json().error.message).not.toMatch(/belonging|leisure/);
  });
});
