/** Queries for what hangs on a child: consents, team, notes. All keys start with ['child', id], so invalidating the child refreshes them. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export const consentsQueryKey = (childId: string) => ['child', childId, 'consents'] as const;
export const teamQueryKey = (childId: string) => ['child', childId, 'team'] as const;
export const notesQueryKey = (childId: string) => ['child', childId, 'notes'] as const;

export function useConsents(childId: string) {
  return useQuery({
    queryKey: consentsQueryKey(childId),
    queryFn: ({ signal }) => api.consents(childId, signal).then((r) => r.items),
  });
}

export function useTeam(childId: string) {
  return useQuery({
    queryKey: teamQueryKey(childId),
    queryFn: ({ signal }) => api.team(childId, signal).then((r) => r.items),
  });
}

export function useNotes(childId: string) {
  return useQuery({
    queryKey: notesQueryKey(childId),
    queryFn: ({ signal }) => api.notes(childId, signal).then((r) => r.items),
  });
}

/**
 * After a consent changes, what others may see changes at once: the banner,
 * the consents, whether team members are covered, which notes are readable.
 */
export function useInvalidateSharing(childId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: consentsQueryKey(childId) }),
      queryClient.invalidateQueries({ queryKey: teamQueryKey(childId) }),
      queryClient.invalidateQueries({ queryKey: notesQueryKey(childId) }),
    ]);
}
