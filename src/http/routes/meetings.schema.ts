/**
 * Standing teams and meetings: the API contract. Times of day are local
 * (HH:MM in the deployment's time zone, `timeZone` in the answers); instants
 * are ISO 8601 in UTC. Lists, standing teams and the calendar feed carry no
 * child data; a child on an agenda is named only to those who may read the
 * child's basic record.
 */
import { z } from 'zod';
import { AGENCY_TYPES } from '../../domain/types.ts';
import { LocalizedTextSchema } from './common.schema.ts';

const IsoDate = z.iso.date();
const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM (24-hour clock).');
const Location = z.string().trim().max(300).nullable().optional().describe('Where the team meets; shown in calendars – never child data');
const Presence = z.enum(['present', 'absent', 'excused']);

// ── Standing teams ──────────────────────────────────────────────────────────

export const MeetingCadenceInput = z.object({
  everyWeeks: z.number().int().min(1).max(52),
  weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday'),
  start: ClockTime,
  end: ClockTime,
});

export const CreateStandingTeamBody = z.object({
  unitId: z.uuid().describe('The hosting unit: one where you work with children (or, as a manager, a unit in your municipality)'),
  teamType: z.string().min(1).max(60).describe("A team type key of the municipality's model profile, e.g. `hlt_group`"),
  name: z.string().trim().min(1).max(200).optional().describe('Default: the team type’s name and the hosting unit'),
  cadence: MeetingCadenceInput.optional().describe('Default: the team type’s meeting cadence from the profile'),
  startingFrom: IsoDate.optional().describe('The first meeting is on the cadence’s weekday on or after this date (default today)'),
  location: Location,
});

export const StandingTeamMemberView = z.object({
  id: z.uuid(),
  staffId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  agencyType: z.enum(AGENCY_TYPES),
  addedAt: z.string(),
});

export const StandingTeamView = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  teamType: z.string(),
  teamTypeName: LocalizedTextSchema.nullable(),
  ageFrom: z.number().int().nullable(),
  ageTo: z.number().int().nullable(),
  name: z.string(),
  cadence: z.object({ everyWeeks: z.number().int(), weekday: z.number().int(), start: z.string(), end: z.string() }).nullable(),
  firstDate: z.string().nullable(),
  location: z.string().nullable(),
  timeZone: z.string(),
  members: z.array(StandingTeamMemberView),
  nextMeeting: z.object({ id: z.uuid(), startsAt: z.string() }).nullable(),
  createdAt: z.string(),
  canManage: z.boolean().describe('You may add and remove members'),
});

export const StandingTeamListResponse = z.object({ items: z.array(StandingTeamView) });

export const StandingTeamTypesResponse = z.object({
  items: z.array(
    z.object({
      municipalityId: z.uuid(),
      municipalityName: z.string(),
      profile: z.object({ key: z.string(), name: LocalizedTextSchema }),
      hostUnits: z
        .array(z.object({ id: z.uuid(), name: z.string(), agencyType: z.enum(AGENCY_TYPES) }))
        .describe('Your units where you may host a standing team in this municipality (empty: you may create none here)'),
      teamTypes: z.array(
        z.object({
          key: z.string(),
          name: LocalizedTextSchema,
          ageFrom: z.number().int().nullable(),
          ageTo: z.number().int().nullable(),
          meetingCadence: z
            .object({ everyWeeks: z.number().int(), weekday: z.number().int(), start: z.string(), end: z.string() })
            .nullable()
            .describe('The default fixed slot; null for teams that meet as needed'),
        }),
      ),
    }),
  ),
});

export const AddStandingTeamMemberBody = z.object({
  staffId: z.uuid(),
  unitId: z.uuid().describe('The unit the member represents; they must work with children there'),
});

export const StandingTeamMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

// ── Meetings ────────────────────────────────────────────────────────────────

export const ScheduleMeetingsBody = z.object({
  count: z.number().int().min(1).max(26).optional().describe('The next N slots of the cadence (default 4); slots that already have a meeting are kept'),
  from: IsoDate.optional().describe('Slots on or after this date (default: from now)'),
  date: IsoDate.optional().describe('Or one meeting on this date (then not count/from)'),
  start: ClockTime.optional().describe('With `date`: local start (default the cadence’s)'),
  end: ClockTime.optional().describe('With `date`: local end (default the cadence’s)'),
  location: Location,
});

export const MeetingSummaryView = z.object({
  id: z.uuid(),
  kind: z.enum(['standing_team', 'child']).describe("A standing team's meeting, or a child's own team meeting"),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  timeZone: z.string(),
  location: z.string().nullable(),
  standingTeam: z.object({ id: z.uuid(), name: z.string(), teamType: z.string() }).nullable(),
  agendaCount: z.number().int().describe('How many points – never which children'),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable().describe('Why it was cancelled (no child identity: it shows in lists)'),
});

export const ScheduledMeetingsResponse = z.object({
  items: z.array(MeetingSummaryView.extend({ created: z.boolean().describe('False when the slot already had a meeting') })),
});

export const CreateChildMeetingBody = z.object({
  date: IsoDate,
  start: ClockTime,
  end: ClockTime,
  location: Location,
});

export const ChildMeetingView = MeetingSummaryView.extend({ agendaItemId: z.uuid() });

export const ListMeetingsQuery = z.object({
  from: IsoDate.optional().describe('First local date (default today)'),
  to: IsoDate.optional().describe('Last local date (default from + 60 days; at most 366 days)'),
});

export const MeetingListResponse = z.object({ from: z.string(), to: z.string(), items: z.array(MeetingSummaryView) });

export const MinutesView = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  meetingStartsAt: z.string(),
  agendaItemId: z.uuid(),
  minutes: z.string(),
  decisions: z.array(z.string()),
  planId: z.uuid().nullable(),
  owningUnitId: z.uuid(),
  owningUnitName: z.string(),
  author: z.string(),
  createdAt: z.string(),
});

export const MinutesListResponse = z.object({ items: z.array(MinutesView) });

export const AgendaItemView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(['child', 'consultation']),
  label: LocalizedTextSchema.describe('The child’s name – or “a child (identity not shown)” – or “de-identified consultation”'),
  identityShown: z.boolean(),
  child: z
    .object({
      id: z.uuid(),
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      masked: z.boolean().describe('Protected identity: name hidden'),
      age: z.number().int(),
    })
    .nullable()
    .describe('Only for those who may read the child’s basic record'),
  consultation: z
    .object({ id: z.uuid(), unitName: z.string(), ageBand: z.string(), situation: z.string(), question: z.string(), advice: z.string().nullable() })
    .nullable(),
  familyInvitedAt: z.string().nullable(),
  familyInvitation: z.string().nullable(),
  family: z.array(
    z.object({ kind: z.enum(['guardian', 'child']), guardianId: z.uuid().nullable(), name: z.string().nullable(), present: Presence }),
  ),
  minutes: z.array(MinutesView).describe('The minutes of this point that you may read'),
  allowed: z.object({ inviteFamily: z.boolean(), writeMinutes: z.boolean() }),
});

export const MeetingDetailView = MeetingSummaryView.extend({
  participant: z.boolean(),
  agenda: z.array(AgendaItemView),
  attendance: z.array(z.object({ staffId: z.uuid(), name: z.string(), unitName: z.string().nullable(), present: Presence })),
  allowed: z.object({ addAgendaItem: z.boolean(), recordAttendance: z.boolean(), cancel: z.boolean() }),
});

// ── Agenda, family, attendance, minutes ─────────────────────────────────────

export const AddAgendaItemBody = z
  .object({
    childId: z.uuid().optional().describe('A child you may see; needs an active consent for a team meeting covering every member'),
    consultationId: z.uuid().optional().describe('A de-identified consultation of one of your units'),
  })
  .refine((b) => (b.childId === undefined) !== (b.consultationId === undefined), {
    message: 'Give either childId or consultationId.',
    path: ['childId'],
  });

export const AgendaItemCreatedView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(['child', 'consultation']),
  consentId: z.uuid().nullable(),
  addedToChildTeam: z
    .array(z.object({ staffId: z.uuid(), unitId: z.uuid(), teamMemberId: z.uuid() }))
    .describe('Standing-team members who joined the child’s team'),
});

export const AgendaItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const CancelMeetingBody = z.object({
  reason: z.string().max(500).describe('Why, in words every participant may read – nothing that points to a child'),
});

export const InviteFamilyBody = z.object({
  message: z.string().trim().min(1).max(4000).describe('The invitation to the family; the meeting’s time and place are added'),
});

export const FamilyInvitationView = z.object({
  agendaItemId: z.uuid(),
  invitedAt: z.string(),
  invitation: z.string(),
  invitees: z.array(z.object({ kind: z.enum(['guardian', 'child']), guardianId: z.uuid().nullable(), name: z.string().nullable() })),
  delivery: z.literal('recorded_only').describe('Samsyn records the invitation; it does not send it'),
});

export const RecordAttendanceBody = z
  .object({
    professionals: z
      .array(z.object({ staffId: z.uuid(), present: Presence }))
      .max(100)
      .optional()
      .describe('Replaces the professionals’ attendance: members of the standing team or of an agenda child’s team'),
    family: z
      .array(
        z.object({
          agendaItemId: z.uuid(),
          guardians: z.array(z.object({ guardianId: z.uuid(), present: Presence })).max(6).optional(),
          child: Presence.nullable().optional(),
        }),
      )
      .max(50)
      .optional()
      .describe('Replaces the family’s attendance at each child’s point'),
  })
  .refine((b) => b.professionals !== undefined || b.family !== undefined, { message: 'Give professionals or family.', path: ['professionals'] });

export const AttendanceView = z.object({
  professionals: z.array(z.object({ staffId: z.uuid(), name: z.string(), unitName: z.string().nullable(), present: Presence })),
  family: z.array(
    z.object({ agendaItemId: z.uuid(), kind: z.enum(['guardian', 'child']), guardianId: z.uuid().nullable(), name: z.string().nullable(), present: Presence }),
  ),
});

export const WriteMinutesBody = z.object({
  minutes: z.string().trim().min(1).max(20_000),
  decisions: z.array(z.string().trim().min(1).max(2000)).max(50).default([]),
  planId: z.uuid().nullable().optional().describe('The child’s plan the decisions flow into'),
  owningUnitId: z.uuid().optional().describe('One of your units (default: where the child is enrolled, else the unit you represent)'),
});

// ── Calendar feed ───────────────────────────────────────────────────────────

export const CalendarFeedView = z.object({
  url: z.string().describe('Your private feed address – shown once; anyone with it sees your meeting times and titles'),
  path: z.string(),
  createdAt: z.string(),
  replaced: z.boolean().describe('An earlier address stopped working'),
});

export const RevokeCalendarFeedResponse = z.object({ revoked: z.literal(true) });

export const CalendarFeedParams = z.object({ token: z.string().max(200) });

/** The feed is sent as `text/calendar` (RFC 5545), not JSON. */
export const CalendarText = z.string().describe('An iCalendar document (text/calendar; charset=utf-8)');
