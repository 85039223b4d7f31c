/**
 * Demo wellbeing assessments: a few of the demo principal's pupils scored two
 * or three times over the last months, so the wheel, its history and the
 * matrix have something to show. A handful of rows: no measurable cost next to
 * the population.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client.ts';
import { enrollmentCurrentSql } from '../db/queries/access.ts';
import { assessments } from '../db/schema/index.ts';
import { addDays } from '../domain/dates.ts';
import type { TriangleHeadingKey } from '../domain/wellbeing.ts';
import { loadProfile } from './profiles.ts';
import type { Random } from './seed.ts';

/** Days before the seed date of each scoring, oldest first. */
const SCORINGS_DAYS_AGO = [150, 80, 12];
/** How many scorings each demo pupil gets. */
const SCORINGS_PER_PUPIL = [3, 3, 2, 2];

const TRIANGLE_POOL: { heading: TriangleHeadingKey; kind: 'strength' | 'challenge'; text: string }[] = [
  { heading: 'learning_and_achieving', kind: 'challenge', text: 'Hög frånvaro under hösten, svårt att komma i gång på morgnarna.' },
  { heading: 'family_and_friends', kind: 'strength', text: 'Har två nära kompisar i klassen.' },
  { heading: 'being_healthy', kind: 'challenge', text: 'Sover dåligt och har ofta ont i magen.' },
  { heading: 'confidence', kind: 'strength', text: 'Tycker om att rita och visar gärna sina teckningar.' },
  { heading: 'being_there', kind: 'strength', text: 'Mormor hämtar på fritids tre dagar i veckan.' },
  { heading: 'knowing_what_happens', kind: 'challenge', text: 'Blir orolig när schemat ändras utan förvarning.' },
  { heading: 'support_network', kind: 'strength', text: 'Går på fotbollsträning två kvällar i veckan.' },
  { heading: 'housing', kind: 'challenge', text: 'Familjen bor trångt efter en flytt i våras.' },
];

const MATRIX_POOL = [
  { quadrant: 'resilience', text: 'Ber om hjälp när något är svårt.' },
  { quadrant: 'vulnerability', text: 'Lätt att bli ledsen och dra sig undan.' },
  { quadrant: 'protective_environment', text: 'Engagerade vårdnadshavare och en trygg mentor.' },
  { quadrant: 'adversity', text: 'Konflikter på vägen till och från skolan.' },
];

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

/** Writes the demo assessments for pupils of `schoolUnitId` owned by that school and written by `authorId`. */
export async function seedDemoAssessments(options: {
  db: Queryable;
  rng: Random;
  today: string;
  municipalityId: string;
  profileKey: string;
  schoolUnitId: string;
  authorId: string;
}): Promise<number> {
  const { db, rng, today } = options;
  const profile = await loadProfile(db, options.profileKey);
  const pupils = await queryRows<{ child_id: string; birth_date: string; guardian_id: string | null }>(
    db,
    sql`SELECT e.child_id, c.birth_date::text AS birth_date,
               (SELECT g.guardian_id FROM guardianships g WHERE g.child_id = c.id AND g.custody ORDER BY g.guardian_id LIMIT 1) AS guardian_id
          FROM enrollments e JOIN children c ON c.id = e.child_id
         WHERE e.unit_id = ${options.schoolUnitId}::uuid AND e.kind = 'school_class' AND ${enrollmentCurrentSql('e', today)}
           AND NOT c.protected_identity
         ORDER BY c.birth_date, c.id LIMIT ${SCORINGS_PER_PUPIL.length}`,
  );
  const { min, max } = profile.wellbeing.scale;
  const rows: (typeof assessments.$inferInsert)[] = [];
  for (const [p, pupil] of pupils.entries()) {
    const scorings = SCORINGS_DAYS_AGO.slice(-SCORINGS_PER_PUPIL[p]!);
    // A starting point per indicator; support helps, so scores mostly rise.
    let levels = profile.wellbeing.indicators.map(() => min + 1 + rng.int(max - min - 1));
    let x = -2 + rng.int(3);
    let y = -2 + rng.int(2);
    for (const [s, daysAgo] of scorings.entries()) {
      const assessedOn = addDays(today, -daysAgo);
      if (assessedOn < pupil.birth_date) continue;
      const withGuardian = s === 0 && pupil.guardian_id !== null;
      rows.push({
        municipalityId: options.municipalityId,
        childId: pupil.child_id,
        owningUnitId: options.schoolUnitId,
        category: 'wellbeing',
        assessedOn,
        profileKey: profile.key,
        profileVersion: profile.version,
        tool: profile.wellbeing.tool,
        childTookPart: true,
        participants: {
          child: true,
          guardianIds: withGuardian ? [pupil.guardian_id!] : [],
          professionals: s === 0 ? [{ name: 'Skolkurator', role: 'Elevhälsan' }] : [],
        },
        ratings: profile.wellbeing.indicators.map((indicator, i) => ({
          indicator: indicator.key,
          professional: levels[i]!,
          child: clamp(levels[i]! + rng.int(3) - 1, min, max),
          guardians: withGuardian ? clamp(levels[i]! + rng.int(3) - 1, min, max) : null,
          note: i === 0 && s === 0 ? 'Berättar om bråk på vägen hem från skolan.' : null,
        })),
        childView: s === scorings.length - 1 ? 'Det har blivit bättre i skolan. Jag vill fortsätta träffa kuratorn.' : 'Jag vill att det ska bli lugnare på rasterna.',
        summary: null,
        triangle: Array.from({ length: 3 }, (_, k) => TRIANGLE_POOL[(p * 3 + s + k * 2) % TRIANGLE_POOL.length]!),
        matrix: { facts: MATRIX_POOL.map((f) => ({ ...f })), position: { x, y } },
        instruments: [],
        concernId: null,
        authorId: options.authorId,
      });
      levels = levels.map((v) => clamp(v + (rng.chance(0.6) ? 1 : 0) - (rng.chance(0.1) ? 1 : 0), min, max));
      x = clamp(x + 1, -5, 5);
      y = clamp(y + 1, -5, 5);
    }
  }
  if (rows.length > 0) await db.insert(assessments).values(rows);
  return rows.length;
}
