/** Queries for a child's wellbeing assessments. The key starts with ['child', id], so invalidating the child refreshes it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { CreateAssessmentRequest } from '../api-types.ts';

export const assessmentsQueryKey = (childId: string) => ['child', childId, 'assessments'] as const;

export function useAssessments(childId: string) {
  return useQuery({
    queryKey: assessmentsQueryKey(childId),
    queryFn: ({ signal }) => api.assessments(childId, signal),
  });
}

export function useCreateAssessment(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessmentRequest) => api.createAssessment(childId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentsQueryKey(childId) }),
  });
}
