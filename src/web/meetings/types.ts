/**
 * Shapes of the meetings API as the web app uses them, derived from the
 * server's zod schemas with `import type` only (erased by the bundler – see
 * src/web/no-server-imports.test.ts and docs/decisions/0004). Requests are
 * `z.input`, responses `z.output`.
 */
import type { z } from 'zod';
import type * as consultations from '../../http/routes/consultations.schema.ts';
import type * as meetings from '../../http/routes/meetings.schema.ts';
import type * as plans from '../../http/routes/plans.schema.ts';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

// ── Standing teams ──────────────────────────────────────────────────────────

export type StandingTeam = Out<typeof meetings.StandingTeamView>;
export type StandingTeamMember = StandingTeam['members'][number];
export type StandingTeamListResponse = Out<typeof meetings.StandingTeamListResponse>;
export type Cadence = NonNullable<StandingTeam['cadence']>;
export type StandingTeamTypesResponse = Out<typeof meetings.StandingTeamTypesResponse>;
export type StandingTeamOptions = StandingTeamTypesResponse['items'][number];
export type StandingTeamType = StandingTeamOptions['teamTypes'][number];
export type HostUnit = StandingTeamOptions['hostUnits'][number];
export type CreateStandingTeamRequest = In<typeof meetings.CreateStandingTeamBody>;
export type CadenceInput = NonNullable<CreateStandingTeamRequest['cadence']>;
export type AddStandingTeamMemberRequest = In<typeof meetings.AddStandingTeamMemberBody>;
export type ScheduleMeetingsRequest = In<typeof meetings.ScheduleMeetingsBody>;
export type ScheduledMeetingsResponse = Out<typeof meetings.ScheduledMeetingsResponse>;
export type ScheduledMeeting = ScheduledMeetingsResponse['items'][number];

// ── Meetings ────────────────────────────────────────────────────────────────

export type MeetingSummary = Out<typeof meetings.MeetingSummaryView>;
export type MeetingListResponse = Out<typeof meetings.MeetingListResponse>;
export type MeetingDetail = Out<typeof meetings.MeetingDetailView>;
export type AgendaItem = MeetingDetail['agenda'][number];
export type AgendaChild = NonNullable<AgendaItem['child']>;
export type AgendaConsultation = NonNullable<AgendaItem['consultation']>;
export type ProfessionalAttendance = MeetingDetail['attendance'][number];
export type Minutes = Out<typeof meetings.MinutesView>;
export type MinutesListResponse = Out<typeof meetings.MinutesListResponse>;

/** present / absent / excused (anmält förhinder). */
export type Presence = ProfessionalAttendance['present'];
export const PRESENCES = ['present', 'absent', 'excused'] as const satisfies readonly Presence[];
/** Fails to compile if the API gains a presence the list above lacks. */
export type PresencesComplete = Exclude<Presence, (typeof PRESENCES)[number]> extends never ? true : never;

export type CreateChildMeetingRequest = In<typeof meetings.CreateChildMeetingBody>;
export type CancelMeetingRequest = In<typeof meetings.CancelMeetingBody>;
export type ChildMeeting = Out<typeof meetings.ChildMeetingView>;

export type AddAgendaItemRequest = In<typeof meetings.AddAgendaItemBody>;
export type AgendaItemCreated = Out<typeof meetings.AgendaItemCreatedView>;
export type InviteFamilyRequest = In<typeof meetings.InviteFamilyBody>;
export type FamilyInvitation = Out<typeof meetings.FamilyInvitationView>;
export type RecordAttendanceRequest = In<typeof meetings.RecordAttendanceBody>;
export type FamilyAttendanceInput = NonNullable<RecordAttendanceRequest['family']>[number];
export type AttendanceResponse = Out<typeof meetings.AttendanceView>;
export type WriteMinutesRequest = In<typeof meetings.WriteMinutesBody>;

export type CalendarFeed = Out<typeof meetings.CalendarFeedView>;
export type RevokeCalendarFeedResponse = Out<typeof meetings.RevokeCalendarFeedResponse>;

// ── What the meeting view borrows from elsewhere ────────────────────────────

export type Consultation = Out<typeof consultations.ConsultationView>;
export type ConsultationListResponse = Out<typeof consultations.ConsultationListResponse>;

export type ChildPlanListResponse = Out<typeof plans.PlanListResponse>;
export type ChildPlanItem = ChildPlanListResponse['items'][number];

/** `details` of a 422 `consent_missing` from the meetings API: who the consent does not cover. */
export type ConsentMissingDetails = {
  requiredPurpose?: string;
  consentId?: string | null;
  missing?: { unitId: string; unitName: string; agencyType: string }[];
};
