/**
 * Demo plans (generated data): an intervention catalogue for the demo units,
 * and one pupil of the demo principal with the guardians' consent, a team
 * (social services and child & adolescent psychiatry), the social worker as
 * lead professional and an active child's plan – one of its actions overdue,
 * so the work lists have something to show. A few rows; no cost next to the
 * population. The pupil is one with assessments and no concern, so the demo
 * concerns can still grow into a new plan.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client.ts';
import { enrollmentCurrentSql } from '../db/queries/access.ts';
import { consentParties, consents, interventions, leadProfessionals, plans, planVersions, teamMembers } from '../db/schema/index.ts';
import { addDays } from '../domain/dates.ts';
import type { PlanContent } from '../domain/plan.ts';

const CATALOGUE: Record<string, { title: string; description: string }[]> = {
  school: [
    { title: 'Hämtning hemifrån till skolan', description: 'En vuxen från skolan hämtar eleven hemma och följer med till skolan under en period. (Genererad demodata.)' },
    { title: 'Extra resursperson i klassen', description: 'En resursperson finns med eleven under lektioner och raster. (Genererad demodata.)' },
    { title: 'Samtal med skolkurator', description: 'Regelbundna samtal med skolkuratorn, varje eller varannan vecka. (Genererad demodata.)' },
  ],
  social_services: [
    { title: 'Extra hembesök', description: 'Familjebehandlare gör hembesök varannan vecka. (Genererad demodata.)' },
    { title: 'Extra samtal och sms', description: 'Tätare kontakt med familjen per telefon och sms mellan mötena. (Genererad demodata.)' },
    { title: 'Brukarresa', description: 'Genomgång tillsammans med familjen av barnets tidigare möten med olika verksamheter. (Genererad demodata.)' },
  ],
  child_health_care: [
    { title: 'Extra hembesök av BVC', description: 'BVC-sjuksköterskan gör extra hembesök under barnets första år. (Genererad demodata.)' },
    { title: 'Föräldrastödsgrupp', description: 'Föräldragrupp med fokus på sömn, mat och samspel. (Genererad demodata.)' },
  ],
  child_psychiatry: [
    { title: 'Bedömningssamtal på BUP', description: 'Två till tre samtal för att bedöma behovet av fortsatt stöd. (Genererad demodata.)' },
    { title: 'Konsultation till skolan', description: 'BUP ger råd till skolans personal om hur eleven kan stöttas. (Genererad demodata.)' },
  ],
};

type StaffAt = { staff_id: string; unit_id: string; agency_type: string };

async function staffAt(db: Queryable, username: string): Promise<StaffAt | undefined> {
  const [row] = await queryRows<StaffAt>(
    db,
    sql`SELECT s.id AS staff_id, r.unit_id, u.agency_type FROM staff s JOIN staff_roles r ON r.staff_id = s.id JOIN units u ON u.id = r.unit_id
         WHERE s.username = ${username} ORDER BY r.unit_id LIMIT 1`,
  );
  return row;
}

export async function seedDemoPlans(options: { db: Queryable; today: string; municipalityId: string; schoolUnitId: string }): Promise<number> {
  const { db, today, municipalityId, schoolUnitId } = options;
  const principal = await staffAt(db, 'anna.rektor');
  const social = await staffAt(db, 'cecilia.soc');
  const bup = await staffAt(db, 'david.bup');
  const bvc = await staffAt(db, 'bo.bvc');
  if (!principal || !social || !bup) return 0;

  // The catalogue: what the demo units offer.
  const units = [
    { unitId: schoolUnitId, kind: 'school' },
    { unitId: social.unit_id, kind: 'social_services' },
    { unitId: bup.unit_id, kind: 'child_psychiatry' },
    ...(bvc ? [{ unitId: bvc.unit_id, kind: 'child_health_care' }] : []),
  ];
  const catalogue = units.flatMap(({ unitId, kind }) => (CATALOGUE[kind] ?? []).map((c) => ({ id: randomUUID(), unitId, ...c })));
  await db.insert(interventions).values(catalogue);
  const offered = (unitId: string, title: string) => catalogue.find((c) => c.unitId === unitId && c.title === title)?.id ?? null;

  const [pupil] = await queryRows<{ child_id: string; assessment_id: string | null; guardian_ids: string[] }>(
    db,
    sql`SELECT c.id AS child_id,
               (SELECT a.id FROM assessments a WHERE a.child_id = c.id ORDER BY a.assessed_on DESC LIMIT 1) AS assessment_id,
               (SELECT array_agg(g.guardian_id ORDER BY g.guardian_id) FROM guardianships g WHERE g.child_id = c.id AND g.custody) AS guardian_ids
          FROM enrollments e JOIN children c ON c.id = e.child_id
         WHERE e.unit_id = ${schoolUnitId}::uuid AND e.kind = 'school_class' AND ${enrollmentCurrentSql('e', today)}
           AND NOT c.protected_identity
           AND EXISTS (SELECT 1 FROM assessments a WHERE a.child_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM concerns k WHERE k.child_id = c.id)
         ORDER BY c.birth_date, c.id LIMIT 1`,
  );
  if (!pupil || pupil.guardian_ids.length === 0) return catalogue.length;
  const childId = pupil.child_id;

  const consentId = randomUUID();
  await db.insert(consents).values({
    id: consentId,
    municipalityId,
    childId,
    recipientAgencyTypes: ['social_services', 'child_psychiatry'],
    categories: ['plan', 'wellbeing', 'meeting', 'concern'],
    purposes: ['team_meeting', 'childs_plan', 'information_sharing'],
    validFrom: addDays(today, -30),
    validTo: addDays(today, 335),
    form: 'written',
    childView: 'Det är okej att de som hjälper mig pratar med varandra. (Genererad demodata.)',
    childAge: 11,
    childConsentRequired: false,
    childDecision: 'given',
    recordedBy: principal.staff_id,
  });
  await db.insert(consentParties).values(pupil.guardian_ids.map((guardianId) => ({ consentId, guardianId, municipalityId, decision: 'given' as const })));
  await db.insert(teamMembers).values([
    { municipalityId, childId, staffId: social.staff_id, unitId: social.unit_id, addedBy: principal.staff_id },
    { municipalityId, childId, staffId: bup.staff_id, unitId: bup.unit_id, addedBy: principal.staff_id },
  ]);
  await db.insert(leadProfessionals).values({ municipalityId, childId, staffId: social.staff_id, unitId: social.unit_id, reason: 'Flera verksamheter har insatser. (Genererad demodata.)', appointedBy: principal.staff_id });

  const content: PlanContent = {
    reason: 'Hög frånvaro och oro för hur eleven mår hemma. Skolan, socialtjänsten och BUP samlar stödet i en plan. (Genererad demodata.)',
    assessmentSummary: 'Trygg och Utvecklas skattas lågt av både eleven och skolan; eleven har goda kompisar.',
    assessmentId: pupil.assessment_id,
    needs: [
      {
        id: 'need-school',
        indicator: 'achieving',
        need: 'Komma till skolan varje dag',
        desiredOutcome: 'Närvaro över 90 % till nästa uppföljning',
        evidence: 'Närvaron i skolans system, varje vecka',
        actions: [
          { id: 'act-pickup', interventionId: offered(schoolUnitId, 'Hämtning hemifrån till skolan'), description: 'Hämtas hemma och följs till skolan måndag och torsdag', responsibleUnitId: schoolUnitId, responsibleStaffId: principal.staff_id, startDate: addDays(today, -21), dueDate: addDays(today, -2), status: 'ongoing', comment: null },
        ],
      },
      {
        id: 'need-safe',
        indicator: 'safe',
        need: 'Känna sig trygg hemma',
        desiredOutcome: 'Eleven säger själv att det är lugnare hemma',
        evidence: 'Elevens egen skattning av Trygg i hjulet',
        actions: [
          { id: 'act-homevisits', interventionId: offered(social.unit_id, 'Extra hembesök'), description: 'Familjebehandlare gör hembesök varannan vecka', responsibleUnitId: social.unit_id, responsibleStaffId: social.staff_id, startDate: addDays(today, -14), dueDate: addDays(today, 60), status: 'ongoing', comment: null },
          { id: 'act-bup', interventionId: offered(bup.unit_id, 'Bedömningssamtal på BUP'), description: 'Bedömningssamtal om sömn och oro', responsibleUnitId: bup.unit_id, responsibleStaffId: bup.staff_id, startDate: addDays(today, 0), dueDate: addDays(today, 30), status: 'planned', comment: null },
        ],
      },
    ],
    childView: { text: 'Jag vill att det ska vara lugnt hemma och att jag hinner till skolan.', reasonMissing: null, agreement: 'agreed' },
    guardiansView: { text: 'Vi vill ha hjälp med morgnarna och med sömnen.', reasonMissing: null, agreement: 'agreed' },
    disagreements: null,
    overallResponsibility: 'municipality',
    otherMeasures: null,
    reviewDate: addDays(today, 21),
  };
  const planId = randomUUID();
  await db.insert(plans).values({ id: planId, municipalityId, childId, owningUnitId: schoolUnitId, status: 'active', version: 2, content, reviewDate: content.reviewDate, createdBy: principal.staff_id, activatedAt: new Date() });
  await db.insert(planVersions).values([
    { planId, version: 1, municipalityId, status: 'draft', content, changes: [], event: 'created', savedBy: principal.staff_id },
    { planId, version: 2, municipalityId, status: 'active', content, changes: [], event: 'activated', savedBy: social.staff_id },
  ]);
  return catalogue.length + 1;
}
