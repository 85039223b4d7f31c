/**
 * One plan, through the API: the named person (a school principal) forms the
 * team on the guardians' consent, writes the child's plan with actions for
 * the school and social services, cannot activate it before a lead
 * professional is appointed, and two professionals saving the same version
 * never overwrite each other. A team member updates only their own unit's
 * actions; a withdrawn consent ends the other agencies' access on the next
 * request; a review with the wheel scored again closes the plan. Every step is
 * in the audit trail.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { verifyAuditChain } from '../../src/services/audit.ts';
import { today } from '../../src/services/clock.ts';
import { testDatabase } from '../support/db.ts';
import { makeWorld, signIn, type World } from '../support/factories.ts';

let database: Database;
let app: FastifyInstance;
let world: World;

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, serveWeb: false });
  world = await makeWorld(database.db);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload ? { payload: payload as object } : {}) });

const dayOffset = (days: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function guardiansOf(childId: string) {
  const rows = await queryRows<{ guardian_id: string }>(database.db, sql`SELECT guardian_id FROM guardianships WHERE child_id = ${childId}::uuid ORDER BY guardian_id`);
  return rows.map((r) => r.guardian_id);
}

async function auditOf(childId: string) {
  return queryRows<{ action: string; outcome: string; actor_id: string | null; details: Record<string, unknown> | null }>(
    database.db,
    sql`SELECT action, outcome, actor_id, details FROM audit_events WHERE child_id = ${childId}::uuid ORDER BY seq`,
  );
}

function planContent(over: Record<string, unknown> = {}) {
  return {
    reason: 'Hög frånvaro sedan hösten och oro för hur det är hemma. Vi samlar stödet i en plan.',
    assessmentSummary: 'Trygg och Utvecklas skattas lågt av både barnet och skolan.',
    needs: [
      {
        id: 'n1',
        indicator: 'achieving',
        need: 'Komma till skolan varje dag',
        desiredOutcome: 'Närvaro över 90 % före jullovet',
        evidence: 'Närvaron i skolans system, varje vecka',
        actions: [
          { id: 'a1', description: 'Hämtas hemma och följs till skolan på måndagar', responsibleUnitId: world.units.school.id, startDate: dayOffset(-10), dueDate: dayOffset(-1) },
        ],
      },
      {
        id: 'n2',
        indicator: 'safe',
        need: 'Känna sig trygg hemma',
        desiredOutcome: 'Barnet säger att hen känner sig trygg',
        evidence: 'Barnets egen skattning av Trygg i hjulet',
        actions: [
          { id: 'a2', description: 'Familjestöd med hembesök varannan vecka', responsibleUnitId: world.units.socialServices.id, startDate: dayOffset(0), dueDate: dayOffset(60) },
        ],
      },
    ],
    childView: { text: 'Jag vill ha lugnt hemma och komma i tid.', reasonMissing: null },
    guardiansView: { text: 'Vi vill ha hjälp med morgnarna.', reasonMissing: null },
    reviewDate: dayOffset(42),
    ...over,
  };
}

describe('the child’s plan', () => {
  it('goes from team and consent to an active two-agency plan with a lead professional, without overwrites, and closes at review', async () => {
    const child = await world.makeChild({ age: 10, at: [{ unitId: world.units.school.id, kind: 'school_class', groupName: '4B' }] });
    const principal = await signIn(app, world.staff.principal.username);
    const social = await signIn(app, world.staff.socialWorker.username);
    const nurse = await signIn(app, world.staff.nurse.username);
    const guardians = await guardiansOf(child.id);

    // No consent yet: the social worker cannot join the team, and the message names what is missing.
    const early = await call('POST', `/api/children/${child.id}/team`, principal.cookie, { staffId: world.staff.socialWorker.id, unitId: world.units.socialServices.id });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ code: 'consent_missing' });
    expect(early.json().error.message).toContain('Socialtjänsten');

    const consent = await call('POST', `/api/children/${child.id}/consents`, principal.cookie, {
      guardians: guardians.map((guardianId) => ({ guardianId, decision: 'given' })),
      recipientAgencyTypes: ['social_services', 'child_health_care'],
      categories: ['plan', 'wellbeing', 'meeting'],
      purposes: ['team_meeting', 'childs_plan'],
      form: 'written',
      childView: 'Okej att de som ska hjälpa mig vet.',
      childDecision: 'given',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const consentId = consent.json().id as string;
    for (const [staffId, unitId] of [
      [world.staff.socialWorker.id, world.units.socialServices.id],
      [world.staff.nurse.id, world.units.bvc.id],
    ] as const) {
      const joined = await call('POST', `/api/children/${child.id}/team`, principal.cookie, { staffId, unitId });
      expect(joined.statusCode, joined.body).toBe(201);
    }

    // Bad content: an indicator that is not in the child's model → 422 naming the field; nothing written.
    const bad = await call('POST', `/api/children/${child.id}/plans`, principal.cookie, {
      content: planContent({ needs: [{ ...planContent().needs[0], indicator: 'happy' }] }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'invalid_plan', details: { field: 'needs.0.indicator' } });
    const shapeless = await call('POST', `/api/children/${child.id}/plans`, principal.cookie, { content: { reason: '' } });
    expect(shapeless.statusCode).toBe(400);
    const [{ n: none }] = (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM plans WHERE child_id = ${child.id}::uuid`)) as [{ n: number }];
    expect(none).toBe(0);

    // The police officer, outside the team, cannot start a plan or see the child: 404.
    const police = await signIn(app, world.staff.policeOfficer.username);
    expect((await call('POST', `/api/children/${child.id}/plans`, police.cookie, { content: planContent() })).statusCode).toBe(404);

    const created = await call('POST', `/api/children/${child.id}/plans`, principal.cookie, { content: planContent({ childView: { text: null, reasonMissing: null } }) });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ status: 'draft', version: 1, owningUnit: { id: world.units.school.id }, needsLeadProfessional: true, agencies: ['school', 'social_services'] });
    expect(plan.permissions).toMatchObject({ canEdit: true, canChangeStatus: true });
    expect(plan.activationProblems.map((p: { field: string }) => p.field).sort()).toEqual(['childView', 'leadProfessional']);

    // Activating a two-agency plan without a lead professional (and without the child's view) is refused.
    const refused = await call('POST', `/api/plans/${plan.id}/status`, principal.cookie, { baseVersion: 1, status: 'active' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('plan_not_ready');
    expect(refused.json().error.details.problems.map((p: { field: string }) => p.field)).toContain('leadProfessional');
    expect(refused.json().error.message).toContain('lead professional');

    // The social worker reads the plan as a team member (consent covers `plan`) but may not rewrite it.
    const asSocial = await call('GET', `/api/plans/${plan.id}`, social.cookie);
    expect(asSocial.statusCode).toBe(200);
    expect(asSocial.json().permissions).toMatchObject({ canEdit: false, actionUnitIds: [world.units.socialServices.id] });
    const notEditor = await call('PUT', `/api/plans/${plan.id}`, social.cookie, { baseVersion: 1, content: planContent({ reason: 'Annat' }) });
    expect(notEditor.statusCode).toBe(403);

    // Appoint the social worker as lead professional (history kept); now they edit too.
    const lead = await call('POST', `/api/children/${child.id}/lead-professional`, principal.cookie, { staffId: world.staff.socialWorker.id, unitId: world.units.socialServices.id, reason: 'Flera verksamheter' });
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json()).toMatchObject({ staffId: world.staff.socialWorker.id, agencyType: 'social_services' });
    const nurseView = (await call('GET', `/api/children/${child.id}/lead-professional`, nurse.cookie)).json();
    expect(nurseView).toMatchObject({ canAppoint: false, current: { staffId: world.staff.socialWorker.id }, history: [expect.objectContaining({ reason: 'Flera verksamheter' })] });
    expect((await call('GET', `/api/children/${child.id}/lead-professional`, social.cookie)).json().canAppoint).toBe(true);
    const police404 = await call('POST', `/api/children/${child.id}/lead-professional`, police.cookie, { staffId: world.staff.policeOfficer.id, unitId: world.units.policeUnit.id });
    expect(police404.statusCode).toBe(404);

    // Two professionals open version 1; the named person saves first, the lead professional's save over it is a 409 with what changed.
    const first = await call('PUT', `/api/plans/${plan.id}`, principal.cookie, { baseVersion: 1, content: planContent() });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await call('PUT', `/api/plans/${plan.id}`, social.cookie, { baseVersion: 1, content: planContent({ childView: { text: null, reasonMissing: null }, disagreements: 'Pappa vill inte ha hembesök.' }) });
    expect(second.statusCode).toBe(409);
    const conflict = second.json().error;
    expect(conflict.code).toBe('version_conflict');
    expect(conflict.details).toMatchObject({ currentVersion: 2, yourVersion: 1, changedBy: [expect.stringContaining('Anna')] });
    expect(conflict.details.changes).toEqual([expect.objectContaining({ path: 'childView.text', kind: 'changed', after: 'Jag vill ha lugnt hemma och komma i tid.', label: { sv: 'Barnets syn', en: "The child's view" } })]);
    // Nothing was overwritten: version 2 holds the child's view and no disagreement.
    const stored = (await call('GET', `/api/plans/${plan.id}`, principal.cookie)).json();
    expect(stored).toMatchObject({ version: 2, content: { childView: { text: 'Jag vill ha lugnt hemma och komma i tid.' }, disagreements: null } });
    // Saving again on the new version works, and the versions read as a diff.
    const merged = await call('PUT', `/api/plans/${plan.id}`, social.cookie, { baseVersion: 2, content: planContent({ disagreements: 'Pappa vill inte ha hembesök.' }) });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().version).toBe(3);
    const versions = (await call('GET', `/api/plans/${plan.id}/versions`, principal.cookie)).json().items;
    expect(versions.map((v: { version: number; event: string }) => [v.version, v.event])).toEqual([[3, 'saved'], [2, 'saved'], [1, 'created']]);
    expect(versions[0].changes[0].label.en).toBe('Disagreements');

    // Now every check passes and the plan is activated.
    const active = await call('POST', `/api/plans/${plan.id}/status`, social.cookie, { baseVersion: 3, status: 'active' });
    expect(active.statusCode, active.body).toBe(200);
    expect(active.json()).toMatchObject({ status: 'active', version: 4, activationProblems: [], overdueActionIds: ['a1'] });

    // The school's action is overdue: it shows in the named person's work list.
    const work = (await call('GET', '/api/plans/work-list', principal.cookie)).json();
    expect(work.items).toContainEqual(expect.objectContaining({ planId: plan.id, kind: 'action_overdue', actionId: 'a1', role: 'named_person' }));
    // The review is six weeks away: not in the two-week list yet; within 60 days it is.
    expect(work.items.filter((i: { planId: string; kind: string }) => i.planId === plan.id && i.kind === 'review_due')).toEqual([]);
    const later = (await call('GET', '/api/plans/work-list?withinDays=60', social.cookie)).json();
    expect(later.items).toContainEqual(expect.objectContaining({ planId: plan.id, kind: 'review_due', role: 'lead_professional', date: dayOffset(42) }));

    // The team meets about the child; the decisions in the minutes flow into the plan, for those who may read the minutes.
    const booked = await call('POST', `/api/children/${child.id}/meetings`, principal.cookie, { date: dayOffset(3), start: '09:00', end: '10:00', location: 'Skolans konferensrum' });
    expect(booked.statusCode, booked.body).toBe(201);
    const minutes = await call('POST', `/api/meetings/${booked.json().id}/agenda/${booked.json().agendaItemId}/minutes`, principal.cookie, {
      minutes: 'Genomgång av planen med familjen.',
      decisions: ['Hämtningen fortsätter till jul', 'Familjestödet börjar nästa vecka'],
      planId: plan.id,
    });
    expect(minutes.statusCode, minutes.body).toBe(201);
    const withDecisions = (await call('GET', `/api/plans/${plan.id}`, social.cookie)).json();
    expect(withDecisions.meetingDecisions).toEqual([
      expect.objectContaining({ meetingId: booked.json().id, decisions: ['Hämtningen fortsätter till jul', 'Familjestödet börjar nästa vecka'] }),
    ]);
    expect(withDecisions.indicators.map((i: { key: string }) => i.key)).toContain('achieving');
    const minutesRead = await queryRows<{ actor_id: string }>(
      database.db,
      sql`SELECT actor_id FROM audit_events WHERE action = 'meeting.minutes_read' AND child_id = ${child.id}::uuid AND details->>'viaPlan' = ${plan.id}`,
    );
    expect(minutesRead.map((e) => e.actor_id)).toContain(world.staff.socialWorker.id);

    // A withdrawn consent ends the social worker's (and the nurse's) access on the very next request; the school keeps its own plan.
    expect((await call('GET', `/api/plans/${plan.id}`, nurse.cookie)).statusCode).toBe(200);
    const withdrawn = await call('POST', `/api/consents/${consentId}/withdraw`, principal.cookie, { party: { guardianId: guardians[0] }, note: 'Mamma ringde.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await call('GET', `/api/plans/${plan.id}`, social.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/plans/${plan.id}`, nurse.cookie)).statusCode).toBe(404);
    expect((await call('PUT', `/api/plans/${plan.id}`, social.cookie, { baseVersion: 4, content: planContent() })).statusCode).toBe(404);
    expect((await call('GET', `/api/children/${child.id}/plans`, social.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/plans/${plan.id}`, principal.cookie)).statusCode).toBe(200);

    // Review: the wheel is scored again, every action marked, and the plan closes.
    const assessment = await call('POST', `/api/children/${child.id}/assessments`, principal.cookie, {
      participants: { child: true, guardianIds: [guardians[0]], professionals: [] },
      ratings: [
        { indicator: 'safe', professional: 4, child: 4 },
        { indicator: 'achieving', professional: 4, child: 5 },
      ],
      childView: 'Det går bättre nu.',
      triangle: [],
    });
    expect(assessment.statusCode, assessment.body).toBe(201);
    const incomplete = await call('POST', `/api/plans/${plan.id}/reviews`, principal.cookie, {
      baseVersion: 4,
      assessmentId: assessment.json().id,
      actions: [{ actionId: 'a1', status: 'done', comment: 'Närvaro 95 %.' }],
      outcome: 'close',
      comment: 'Målen nådda.',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details).toMatchObject({ field: 'actions' });
    const reviewed = await call('POST', `/api/plans/${plan.id}/reviews`, principal.cookie, {
      baseVersion: 4,
      assessmentId: assessment.json().id,
      actions: [
        { actionId: 'a1', status: 'done', comment: 'Närvaro 95 %.' },
        { actionId: 'a2', status: 'not_done', comment: 'Familjen tackade nej.' },
      ],
      outcome: 'close',
      comment: 'Målen nådda – tillbaka till barnkontakten.',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    expect(reviewed.json()).toMatchObject({ status: 'closed', version: 5, closedReason: 'Målen nådda – tillbaka till barnkontakten.' });
    expect(reviewed.json().content.needs[0].actions[0]).toMatchObject({ status: 'done', comment: 'Närvaro 95 %.' });
    const reviews = (await call('GET', `/api/plans/${plan.id}/reviews`, principal.cookie)).json().items;
    expect(reviews).toEqual([expect.objectContaining({ outcome: 'close', assessmentId: assessment.json().id, planVersion: 5 })]);
    // A closed plan is not changed any more.
    expect((await call('PUT', `/api/plans/${plan.id}`, principal.cookie, { baseVersion: 5, content: planContent() })).statusCode).toBe(409);

    // Every step is in the audit trail, with outcomes, and the chain holds.
    const events = (await auditOf(child.id)).map((e) => `${e.action}:${e.outcome}`);
    for (const expected of [
      'team.add_member:denied',
      'plan.create:allowed',
      'plan.status:denied',
      'lead_professional.appoint:allowed',
      'plan.save:allowed',
      'plan.save:denied',
      'plan.status:allowed',
      'plan.read:denied',
      'plan.list:denied',
      'plan.review:allowed',
    ]) {
      expect(events, expected).toContain(expected);
    }
    const conflictEvent = (await auditOf(child.id)).find((e) => e.action === 'plan.save' && e.outcome === 'denied' && e.details?.reason === 'version_conflict');
    expect(conflictEvent?.actor_id).toBe(world.staff.socialWorker.id);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('lets a team member update only the actions of their own unit', async () => {
    const child = await world.makeChild({ age: 2, at: [{ unitId: world.units.bvc.id, kind: 'child_health_listing' }] });
    const nurse = await signIn(app, world.staff.nurse.username);
    const social = await signIn(app, world.staff.socialWorker.username);
    const guardians = await guardiansOf(child.id);
    const consent = await call('POST', `/api/children/${child.id}/consents`, nurse.cookie, {
      guardians: guardians.map((guardianId) => ({ guardianId, decision: 'given' })),
      recipientAgencyTypes: ['social_services'],
      categories: ['plan'],
      purposes: ['childs_plan'],
      form: 'oral',
      childView: 'För liten för att fråga; föräldrarna talar för barnet.',
      childDecision: 'not_asked',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect((await call('POST', `/api/children/${child.id}/team`, nurse.cookie, { staffId: world.staff.socialWorker.id, unitId: world.units.socialServices.id })).statusCode).toBe(201);
    const content = planContent({
      needs: [
        {
          id: 'n1',
          indicator: 'nurtured',
          need: 'Föräldrarna behöver stöd i föräldraskapet',
          desiredOutcome: 'Lugnare vardag',
          evidence: 'Föräldrarnas egen bedömning vid uppföljningen',
          actions: [
            { id: 'bvc1', description: 'Extra hembesök av BVC', responsibleUnitId: world.units.bvc.id, startDate: dayOffset(0), dueDate: dayOffset(30) },
            { id: 'soc1', description: 'Föräldrastödsgrupp', responsibleUnitId: world.units.socialServices.id, startDate: dayOffset(0), dueDate: dayOffset(30) },
          ],
        },
      ],
      childView: { text: null, reasonMissing: 'Barnet är två år.' },
    });
    const created = await call('POST', `/api/children/${child.id}/plans`, nurse.cookie, { content });
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json().id;
    // BVC (region, health care) and social services: a SIP, which needs the body with overall responsibility.
    expect(created.json()).toMatchObject({ isSip: true });
    expect(created.json().activationProblems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['leadProfessional', 'overallResponsibility']));

    const mark = (actionId: string, status: string) => ({
      ...content,
      needs: content.needs.map((n: { actions: { id: string }[] }) => ({ ...n, actions: n.actions.map((a) => (a.id === actionId ? { ...a, status, comment: 'Startat.' } : a)) })),
    });
    const others = await call('PUT', `/api/plans/${planId}`, social.cookie, { baseVersion: 1, content: mark('bvc1', 'ongoing') });
    expect(others.statusCode).toBe(403);
    expect(others.json().error.details).toMatchObject({ path: 'needs.n1.actions.bvc1.status' });
    const own = await call('PUT', `/api/plans/${planId}`, social.cookie, { baseVersion: 1, content: mark('soc1', 'ongoing') });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().content.needs[0].actions[1]).toMatchObject({ status: 'ongoing', comment: 'Startat.' });
    const [event] = await queryRows<{ action: string }>(
      database.db,
      sql`SELECT action FROM audit_events WHERE resource_id = ${planId} AND actor_id = ${world.staff.socialWorker.id}::uuid AND outcome = 'allowed' AND action LIKE 'plan.%' AND action <> 'plan.read' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event?.action).toBe('plan.action_update');

    // In the meeting the named person changes the reason meanwhile; the social worker's next mark, made on
    // the version she had open, is carried over onto the newer one – nothing of either is lost.
    type Content = { needs: { actions: { id: string }[] }[] };
    const markOn = (c: Content, actionId: string, patch: Record<string, unknown>): Content => ({
      ...c,
      needs: c.needs.map((n) => ({ ...n, actions: n.actions.map((a) => (a.id === actionId ? { ...a, ...patch } : a)) })),
    });
    const reason = await call('PUT', `/api/plans/${planId}`, nurse.cookie, { baseVersion: 2, content: { ...own.json().content, reason: 'Oro för föräldraskapet och sömnen.' } });
    expect(reason.statusCode, reason.body).toBe(200);
    expect(reason.json().version).toBe(3);
    const late = await call('PUT', `/api/plans/${planId}`, social.cookie, { baseVersion: 2, content: markOn(own.json().content, 'soc1', { comment: 'Första träffen hölls.' }) });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().version).toBe(4);
    expect(late.json().content.reason).toBe('Oro för föräldraskapet och sömnen.');
    expect(late.json().content.needs[0].actions[1]).toMatchObject({ status: 'ongoing', comment: 'Första träffen hölls.' });
    const [merged] = await queryRows<{ details: { mergedFrom?: number; version?: number } }>(
      database.db,
      sql`SELECT details FROM audit_events WHERE resource_id = ${planId} AND actor_id = ${world.staff.socialWorker.id}::uuid AND action = 'plan.action_update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(merged?.details).toMatchObject({ mergedFrom: 2, version: 4 });

    // When someone else has set the same field since, it is a 409 with the diff, as for any stale save.
    const nurseMark = await call('PUT', `/api/plans/${planId}`, nurse.cookie, { baseVersion: 4, content: markOn(late.json().content, 'soc1', { status: 'done' }) });
    expect(nurseMark.statusCode, nurseMark.body).toBe(200);
    const clash = await call('PUT', `/api/plans/${planId}`, social.cookie, { baseVersion: 4, content: markOn(late.json().content, 'soc1', { status: 'not_done' }) });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.changes.map((c: { path: string }) => c.path)).toContain('needs.n1.actions.soc1.status');
  });

  it('searches the intervention catalogue and links a catalogue intervention in a plan', async () => {
    const social = await signIn(app, world.staff.socialWorker.username);
    const police = await signIn(app, world.staff.policeOfficer.username);
    const created = await call('POST', '/api/interventions', social.cookie, { unitId: world.units.socialServices.id, title: 'Extra hembesök', description: 'Familjebehandlare kommer hem varannan vecka.' });
    expect(created.statusCode, created.body).toBe(201);
    // Only staff of the unit change what it offers.
    expect((await call('POST', '/api/interventions', police.cookie, { unitId: world.units.socialServices.id, title: 'X', description: 'Y' })).statusCode).toBe(403);
    const found = (await call('GET', '/api/interventions?search=hembes%C3%B6k', police.cookie)).json().items;
    expect(found.map((i: { id: string }) => i.id)).toContain(created.json().id);
    const none = (await call('GET', '/api/interventions?search=ingenting-s%C3%A5dant', police.cookie)).json().items;
    expect(none).toEqual([]);
  });
});
