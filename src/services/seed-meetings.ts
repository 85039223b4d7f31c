/**
 * Demo standing teams (generated data): for the demo municipality, one
 * standing team per team type of its model profile that has fixed meeting
 * times (TSI: the HLT group), hosted at the demo principal's school, with the
 * demo professionals as members – the principal, the social worker, the
 * child-health nurse and the BUP psychologist – and its next meetings. No child
 * is put on an agenda: that needs the family's consent, which the demo shows
 * being given. Written directly (a system seed, like the rest of the demo data).
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client.ts';
import { meetings, standingTeamMembers, standingTeams } from '../db/schema/index.ts';
import { CHILD_FACING_ROLES } from '../domain/types.ts';
import { timeZone, today as todayInZone } from './clock.ts';
import { cadenceSlots, firstWeekdayOnOrAfter } from './meetings.ts';
import { loadProfile } from './profiles.ts';

/** The demo accounts that sit in the demo standing teams; the first one's unit hosts them. */
export const DEMO_MEETING_MEMBERS = ['anna.rektor', 'cecilia.soc', 'bo.bvc', 'david.bup'] as const;

export type SeedMeetingsResult = { teams: number; meetings: number };

export async function seedMeetings(
  db: Queryable,
  options: {
    municipalityId: string;
    /** Meetings are scheduled from this instant (default now). */
    now?: Date;
    memberUsernames?: readonly string[];
    meetingsPerTeam?: number;
  },
): Promise<SeedMeetingsResult> {
  const now = options.now ?? new Date();
  const zone = timeZone();
  const [org] = await queryRows<{ model_profile_key: string | null }>(
    db,
    sql`SELECT model_profile_key FROM organisations WHERE id = ${options.municipalityId}::uuid`,
  );
  if (!org) return { teams: 0, meetings: 0 };
  const profile = await loadProfile(db, org.model_profile_key);

  const members: { staffId: string; unitId: string; unitName: string }[] = [];
  for (const username of options.memberUsernames ?? DEMO_MEETING_MEMBERS) {
    const [m] = await queryRows<{ staff_id: string; unit_id: string; unit_name: string }>(
      db,
      sql`SELECT s.id AS staff_id, r.unit_id, u.name AS unit_name
            FROM staff s JOIN staff_roles r ON r.staff_id = s.id JOIN units u ON u.id = r.unit_id
           WHERE s.username = ${username} AND r.role = ANY(${`{${CHILD_FACING_ROLES.join(',')}}`}::staff_role[])
           ORDER BY r.valid_from, r.unit_id LIMIT 1`,
    );
    if (m && !members.some((x) => x.staffId === m.staff_id)) members.push({ staffId: m.staff_id, unitId: m.unit_id, unitName: m.unit_name });
  }
  const host = members[0];
  if (!host) return { teams: 0, meetings: 0 };

  const existing = new Set(
    (
      await queryRows<{ team_type: string }>(db, sql`SELECT DISTINCT team_type FROM standing_teams WHERE municipality_id = ${options.municipalityId}::uuid`)
    ).map((r) => r.team_type),
  );
  const lang = profile.defaultLanguage;
  let teams = 0;
  let scheduled = 0;
  for (const teamType of profile.teamTypes) {
    const cadence = teamType.meetingCadence;
    if (!cadence || existing.has(teamType.key)) continue;
    const firstDate = firstWeekdayOnOrAfter(todayInZone(now), cadence.weekday);
    const name = `${teamType.name[lang]} – ${host.unitName}`;
    const location = lang === 'sv' ? `${host.unitName}, konferensrummet` : `${host.unitName}, meeting room`;
    const [team] = await db
      .insert(standingTeams)
      .values({
        municipalityId: options.municipalityId,
        unitId: host.unitId,
        teamType: teamType.key,
        name,
        everyWeeks: cadence.everyWeeks,
        weekday: cadence.weekday,
        startTime: cadence.start,
        endTime: cadence.end,
        firstDate,
        location,
        createdBy: host.staffId,
      })
      .returning({ id: standingTeams.id });
    await db.insert(standingTeamMembers).values(members.map((m) => ({ teamId: team!.id, staffId: m.staffId, unitId: m.unitId })));
    const slots = cadenceSlots({ ...cadence, firstDate }, { after: now, count: options.meetingsPerTeam ?? 4, zone });
    await db.insert(meetings).values(
      slots.map((s) => ({
        municipalityId: options.municipalityId,
        standingTeamId: team!.id,
        title: name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location,
        createdBy: host.staffId,
      })),
    );
    teams++;
    scheduled += slots.length;
  }
  return { teams, meetings: scheduled };
}
