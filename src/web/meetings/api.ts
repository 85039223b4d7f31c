/** Calls to the meetings API (docs/api.md, "Standing teams and meetings"), on the app's one `request`. */
import { request } from '../api.ts';
import type {
  AddAgendaItemRequest,
  AddStandingTeamMemberRequest,
  AgendaItemCreated,
  AttendanceResponse,
  CalendarFeed,
  CancelMeetingRequest,
  ChildMeeting,
  ChildPlanListResponse,
  ConsultationListResponse,
  CreateChildMeetingRequest,
  CreateStandingTeamRequest,
  FamilyInvitation,
  InviteFamilyRequest,
  MeetingDetail,
  MeetingListResponse,
  MeetingSummary,
  Minutes,
  MinutesListResponse,
  RecordAttendanceRequest,
  RevokeCalendarFeedResponse,
  ScheduledMeetingsResponse,
  ScheduleMeetingsRequest,
  StandingTeam,
  StandingTeamListResponse,
  StandingTeamTypesResponse,
  WriteMinutesRequest,
} from './types.ts';

const id = (value: string) => encodeURIComponent(value);

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const meetingsApi = {
  meetings: (params: { from?: string; to?: string }, signal?: AbortSignal) =>
    request<MeetingListResponse>('GET', `/api/meetings${query(params)}`, undefined, signal),
  meeting: (meetingId: string, signal?: AbortSignal) => request<MeetingDetail>('GET', `/api/meetings/${id(meetingId)}`, undefined, signal),
  cancelMeeting: (meetingId: string, body: CancelMeetingRequest) => request<MeetingSummary>('POST', `/api/meetings/${id(meetingId)}/cancel`, body),
  standingTeams: (signal?: AbortSignal) => request<StandingTeamListResponse>('GET', '/api/standing-teams', undefined, signal),
  standingTeamTypes: (signal?: AbortSignal) => request<StandingTeamTypesResponse>('GET', '/api/standing-teams/types', undefined, signal),
  createStandingTeam: (body: CreateStandingTeamRequest) => request<StandingTeam>('POST', '/api/standing-teams', body),
  addStandingTeamMember: (teamId: string, body: AddStandingTeamMemberRequest) =>
    request<StandingTeam>('POST', `/api/standing-teams/${id(teamId)}/members`, body),
  removeStandingTeamMember: (teamId: string, memberId: string) =>
    request<StandingTeam>('DELETE', `/api/standing-teams/${id(teamId)}/members/${id(memberId)}`),
  scheduleMeetings: (teamId: string, body: ScheduleMeetingsRequest) =>
    request<ScheduledMeetingsResponse>('POST', `/api/standing-teams/${id(teamId)}/meetings`, body),

  addAgendaItem: (meetingId: string, body: AddAgendaItemRequest) =>
    request<AgendaItemCreated>('POST', `/api/meetings/${id(meetingId)}/agenda`, body),
  inviteFamily: (meetingId: string, itemId: string, body: InviteFamilyRequest) =>
    request<FamilyInvitation>('POST', `/api/meetings/${id(meetingId)}/agenda/${id(itemId)}/invite-family`, body),
  recordAttendance: (meetingId: string, body: RecordAttendanceRequest) =>
    request<AttendanceResponse>('PUT', `/api/meetings/${id(meetingId)}/attendance`, body),
  writeMinutes: (meetingId: string, itemId: string, body: WriteMinutesRequest) =>
    request<Minutes>('POST', `/api/meetings/${id(meetingId)}/agenda/${id(itemId)}/minutes`, body),

  createChildMeeting: (childId: string, body: CreateChildMeetingRequest) =>
    request<ChildMeeting>('POST', `/api/children/${id(childId)}/meetings`, body),
  childMinutes: (childId: string, signal?: AbortSignal) =>
    request<MinutesListResponse>('GET', `/api/children/${id(childId)}/minutes`, undefined, signal),
  childPlans: (childId: string, signal?: AbortSignal) =>
    request<ChildPlanListResponse>('GET', `/api/children/${id(childId)}/plans`, undefined, signal),

  consultations: (signal?: AbortSignal) => request<ConsultationListResponse>('GET', `/api/consultations${query({ limit: 100 })}`, undefined, signal),

  createCalendarFeed: () => request<CalendarFeed>('POST', '/api/calendar/feed'),
  revokeCalendarFeed: () => request<RevokeCalendarFeedResponse>('DELETE', '/api/calendar/feed'),
};
