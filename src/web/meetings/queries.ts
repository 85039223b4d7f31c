/**
 * Queries for meetings. Meeting lists and meetings live under ['meetings'];
 * what hangs on a child starts with ['child', id] (as elsewhere in the app),
 * so invalidating the child refreshes it – with keys of its own, so no other
 * screen's cache entry of a different shape is shared.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { meetingsApi } from './api.ts';

export const meetingsKey = ['meetings'] as const;
export const meetingListKey = (from: string, to: string) => ['meetings', 'list', from, to] as const;
export const meetingKey = (meetingId: string) => ['meetings', 'detail', meetingId] as const;
export const standingTeamsKey = ['standing-teams'] as const;
export const standingTeamTypesKey = ['standing-team-types'] as const;
export const consultationsKey = ['consultations', 'for-agenda'] as const;
export const childMinutesKey = (childId: string) => ['child', childId, 'minutes'] as const;
const childForMeetingKey = (childId: string) => ['child', childId, 'for-meeting'] as const;
const childTeamForMeetingKey = (childId: string) => ['child', childId, 'team', 'for-meeting'] as const;
const childPlansForMeetingKey = (childId: string) => ['child', childId, 'plans', 'for-meeting'] as const;

export function useMeetingList(from: string, to: string) {
  return useQuery({ queryKey: meetingListKey(from, to), queryFn: ({ signal }) => meetingsApi.meetings({ from, to }, signal) });
}

export function useMeeting(meetingId: string) {
  return useQuery({ queryKey: meetingKey(meetingId), queryFn: ({ signal }) => meetingsApi.meeting(meetingId, signal), enabled: meetingId !== '' });
}

export function useStandingTeams(enabled = true) {
  return useQuery({ queryKey: standingTeamsKey, queryFn: ({ signal }) => meetingsApi.standingTeams(signal).then((r) => r.items), enabled });
}

/** Per municipality: the profile's team types and the units where I may host a team. */
export function useStandingTeamTypes() {
  return useQuery({ queryKey: standingTeamTypesKey, queryFn: ({ signal }) => meetingsApi.standingTeamTypes(signal).then((r) => r.items), staleTime: 5 * 60_000 });
}

/** After a standing team changed (created, members, meetings): the teams and the meeting lists refresh. */
export function useStandingTeamChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: standingTeamsKey }), queryClient.invalidateQueries({ queryKey: meetingsKey })]);
}

export function useConsultations(enabled: boolean) {
  return useQuery({ queryKey: consultationsKey, queryFn: ({ signal }) => meetingsApi.consultations(signal).then((r) => r.items), enabled });
}

export function useChildMinutes(childId: string) {
  return useQuery({ queryKey: childMinutesKey(childId), queryFn: ({ signal }) => meetingsApi.childMinutes(childId, signal).then((r) => r.items) });
}

/** The child's record (for the guardians' names at the meeting). */
export function useChildForMeeting(childId: string) {
  return useQuery({ queryKey: childForMeetingKey(childId), queryFn: ({ signal }) => api.child(childId, signal).then((r) => r.child) });
}

export function useChildTeamForMeeting(childId: string | null) {
  return useQuery({
    queryKey: childTeamForMeetingKey(childId ?? ''),
    queryFn: ({ signal }) => api.team(childId ?? '', signal).then((r) => r.items),
    enabled: childId !== null,
  });
}

/** The child's plans, for linking the decisions of a point to one of them. */
export function useChildPlansForMeeting(childId: string) {
  return useQuery({ queryKey: childPlansForMeetingKey(childId), queryFn: ({ signal }) => meetingsApi.childPlans(childId, signal).then((r) => r.items) });
}

/** After a change on the server: the meeting and the lists (agenda counts) refresh. */
export function useMeetingChanged() {
  const queryClient = useQueryClient();
  return (childId?: string | null) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingsKey }),
      ...(childId ? [queryClient.invalidateQueries({ queryKey: ['child', childId] })] : []),
    ]);
}
