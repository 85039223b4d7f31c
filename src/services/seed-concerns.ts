/**
 * Demo concerns (generated data, `is_test_data`): a handful in the demo
 * principal's inbox – different urgencies and ages, some overdue, one already
 * acknowledged and handled – raised by colleagues at the school and, on the
 * guardian's own request, by the demo police officer. Written directly (system
 * seed, like the rest of the demo data); only a few children, so the large
 * seed is not slowed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client.ts';
import type { ConcernActionKind, ConcernSource, ConcernStatus, ConcernUrgency } from '../domain/concerns.ts';

type DemoConcern = {
  urgency: ConcernUrgency;
  daysAgo: number;
  source: ConcernSource;
  sourceNote: string | null;
  raiser: 'colleague' | 'police';
  indicators: string[];
  q1: string;
  q5: string;
  needsOthers: boolean;
  actions: { kind: ConcernActionKind; note: string | null; afterHours: number }[];
};

const DEMO: DemoConcern[] = [
  {
    urgency: 'high', daysAgo: 3, source: 'professional', sourceNote: null, raiser: 'colleague', indicators: ['safe', 'nurtured'],
    q1: 'Eleven kommer ofta hungrig till skolan och har samma kläder flera dagar i rad. (Genererad demodata.)',
    q5: 'Barnkontakten behöver veta; kanske elevhälsan.', needsOthers: true, actions: [],
  },
  {
    urgency: 'immediate', daysAgo: 0, source: 'guardian', sourceNote: 'Mamman ringde polisen och bad om stöd för barnet.', raiser: 'police', indicators: ['safe'],
    q1: 'Oro efter ett ingripande i hemmet i går kväll; barnet var rädd. (Genererad demodata.)',
    q5: 'Skolan och socialtjänsten.', needsOthers: true, actions: [],
  },
  {
    urgency: 'normal', daysAgo: 12, source: 'professional', sourceNote: null, raiser: 'colleague', indicators: ['achieving', 'included'],
    q1: 'Hög frånvaro sedan höstlovet; eleven säger att hen inte har några kompisar. (Genererad demodata.)',
    q5: 'Kanske skolkurator.', needsOthers: false, actions: [],
  },
  {
    urgency: 'low', daysAgo: 2, source: 'child', sourceNote: 'Eleven frågade själv sin mentor om någon att prata med.', raiser: 'colleague', indicators: ['healthy'],
    q1: 'Eleven sover dåligt och är orolig inför proven. (Genererad demodata.)',
    q5: '', needsOthers: false, actions: [],
  },
  {
    urgency: 'normal', daysAgo: 20, source: 'professional', sourceNote: null, raiser: 'colleague', indicators: ['respected', 'responsible'],
    q1: 'Konflikter på rasterna; eleven har slagit en klasskamrat två gånger. (Genererad demodata.)',
    q5: '', needsOthers: false,
    actions: [
      { kind: 'acknowledged', note: null, afterHours: 20 },
      { kind: 'handled_in_agency', note: 'Samtal med eleven och vårdnadshavarna; rastvärd förstärkt. (Genererad demodata.)', afterHours: 72 },
    ],
  },
];

/** Seeds the demo concerns into the inbox of `recipientUsername` (the children whose named person they are). */
export async function seedDemoConcerns(options: {
  db: Queryable;
  now?: Date;
  recipientUsername: string;
  policeUsername: string;
}): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const [recipient] = await queryRows<{ staff_id: string; unit_id: string }>(
    db,
    sql`SELECT s.id AS staff_id, r.unit_id FROM staff s JOIN staff_roles r ON r.staff_id = s.id
         WHERE s.username = ${options.recipientUsername} ORDER BY r.unit_id LIMIT 1`,
  );
  if (!recipient) return 0;
  const [police] = await queryRows<{ staff_id: string; unit_id: string }>(
    db,
    sql`SELECT s.id AS staff_id, r.unit_id FROM staff s JOIN staff_roles r ON r.staff_id = s.id
         WHERE s.username = ${options.policeUsername} ORDER BY r.unit_id LIMIT 1`,
  );
  const [colleague] = await queryRows<{ staff_id: string }>(
    db,
    sql`SELECT r.staff_id FROM staff_roles r WHERE r.unit_id = ${recipient.unit_id}::uuid AND r.role = 'teacher' ORDER BY r.staff_id LIMIT 1`,
  );
  const children = await queryRows<{ child_id: string; municipality_id: string }>(
    db,
    sql`SELECT n.child_id, n.municipality_id FROM named_person_assignments n
         WHERE n.staff_id = ${recipient.staff_id}::uuid AND n.valid_to IS NULL AND n.status = 'assigned'
         ORDER BY n.child_id LIMIT ${DEMO.length}`,
  );
  let made = 0;
  for (const [i, child] of children.entries()) {
    const d = DEMO[i]!;
    const raiser = d.raiser === 'police' && police ? police : { staff_id: colleague?.staff_id ?? recipient.staff_id, unit_id: recipient.unit_id };
    const raisedAt = new Date(now.getTime() - d.daysAgo * 86_400_000 - 3 * 3_600_000);
    const at = (hours: number) => new Date(raisedAt.getTime() + hours * 3_600_000).toISOString();
    const first = d.actions[0];
    const status: ConcernStatus = d.actions.length === 0 ? 'new' : d.actions.length === 1 ? 'acknowledged' : 'in_progress';
    const id = randomUUID();
    await db.execute(sql`
      INSERT INTO concerns (id, municipality_id, child_id, owning_unit_id, raised_by, source, source_note, urgency,
                            what_is_getting_in_the_way, have_all_information, what_can_i_do_now, what_can_my_agency_do,
                            what_help_from_others, needs_others, indicators, recipient_staff_id, recipient_unit_id,
                            recipient_kind, sharing_basis, status, raised_at, acknowledged_at, first_response_at, is_test_data)
      VALUES (${id}::uuid, ${child.municipality_id}::uuid, ${child.child_id}::uuid, ${raiser.unit_id}::uuid, ${raiser.staff_id}::uuid,
              ${d.source}, ${d.sourceNote}, ${d.urgency}, ${d.q1}, 'Nej, inte allt.', 'Prata med barnet och dokumentera.',
              'Ta upp det med barnkontakten.', ${d.q5}, ${d.needsOthers}, ${`{${d.indicators.join(',')}}`}::text[],
              ${recipient.staff_id}::uuid, ${recipient.unit_id}::uuid, 'named_person',
              ${d.raiser === 'police' ? 'family_request' : 'own_agency'}, ${status}, ${raisedAt.toISOString()}::timestamptz,
              ${first ? at(first.afterHours) : null}::timestamptz, ${first ? at(first.afterHours) : null}::timestamptz, true)`);
    for (const a of d.actions) {
      await db.execute(sql`
        INSERT INTO concern_actions (id, municipality_id, concern_id, kind, note, actor_id, actor_unit_id, at)
        VALUES (${randomUUID()}::uuid, ${child.municipality_id}::uuid, ${id}::uuid, ${a.kind}, ${a.note},
                ${recipient.staff_id}::uuid, ${recipient.unit_id}::uuid, ${at(a.afterHours)}::timestamptz)`);
    }
    made++;
  }
  return made;
}
