/**
 * Queries for the child's plan, the lead professional, the intervention
 * catalogue and the work list. Keys of what hangs on a child start with
 * ['child', id], so invalidating the child refreshes them; one plan lives
 * under ['plans', id].
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { Plan } from '../api-types.ts';

export const leadProfessionalQueryKey = (childId: string) => ['child', childId, 'lead-professional'] as const;
export const childPlansQueryKey = (childId: string) => ['child', childId, 'plans'] as const;
export const planQueryKey = (planId: string) => ['plans', planId] as const;
export const planVersionsQueryKey = (planId: string) => ['plans', planId, 'versions'] as const;
export const workListQueryKey = ['plans', 'work-list'] as const;
/** Every catalogue query (the catalogue page's and the plan editor's picker) starts with this key. */
export const interventionsQueryKey = ['interventions'] as const;

export function useLeadProfessional(childId: string, enabled = true) {
  return useQuery({
    queryKey: leadProfessionalQueryKey(childId),
    queryFn: ({ signal }) => api.leadProfessional(childId, signal),
    enabled,
  });
}

export function useChildPlans(childId: string) {
  return useQuery({ queryKey: childPlansQueryKey(childId), queryFn: ({ signal }) => api.plans(childId, signal) });
}

export function usePlan(planId: string) {
  return useQuery({ queryKey: planQueryKey(planId), queryFn: ({ signal }) => api.plan(planId, signal), enabled: planId !== '' });
}

export function usePlanVersions(planId: string) {
  return useQuery({ queryKey: planVersionsQueryKey(planId), queryFn: ({ signal }) => api.planVersions(planId, signal) });
}

export function useWorkList() {
  return useQuery({ queryKey: workListQueryKey, queryFn: ({ signal }) => api.planWorkList({}, signal) });
}

export function useInterventionSearch(search: string) {
  return useQuery({
    queryKey: [...interventionsQueryKey, search],
    queryFn: ({ signal }) => api.interventions({ search: search || undefined, limit: 20 }, signal),
    enabled: search.length > 0,
    staleTime: 60_000,
  });
}

export type CatalogueFilter = { search: string; unitId: string; includeInactive: boolean };
export const CATALOGUE_LIMIT = 100;

/** The catalogue page: everything on offer (or what the words find), optionally one unit's, optionally with what is no longer offered. */
export function useCatalogue(filter: CatalogueFilter) {
  return useQuery({
    queryKey: [...interventionsQueryKey, 'catalogue', filter],
    queryFn: ({ signal }) =>
      api.interventions(
        { search: filter.search || undefined, unitId: filter.unitId || undefined, includeInactive: filter.includeInactive, limit: CATALOGUE_LIMIT },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

/** After the plan changed on the server: the new plan in the cache, and what depends on it refreshed. */
export function usePlanChanged() {
  const queryClient = useQueryClient();
  return async (plan: Plan) => {
    queryClient.setQueryData(planQueryKey(plan.id), plan);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: planVersionsQueryKey(plan.id) }),
      queryClient.invalidateQueries({ queryKey: childPlansQueryKey(plan.childId) }),
      queryClient.invalidateQueries({ queryKey: workListQueryKey }),
    ]);
  };
}
