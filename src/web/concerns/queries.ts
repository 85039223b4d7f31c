/** Queries for concerns: the form definition, the inbox and "raised by me" lists, one concern, and the two writes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { ConcernActionRequest, ConcernStatus, RaiseConcernRequest } from '../api-types.ts';

export const concernsKey = ['concerns'] as const;
export const concernFormKey = ['concerns', 'form'] as const;
export const concernListKey = (params: { status?: ConcernStatus | 'open'; mine?: boolean }) => ['concerns', 'list', params] as const;
export const concernKey = (id: string) => ['concerns', 'one', id] as const;

export function useConcernForm() {
  return useQuery({ queryKey: concernFormKey, queryFn: ({ signal }) => api.concernForm(signal), staleTime: 10 * 60_000 });
}

export function useConcernList(params: { status?: ConcernStatus | 'open'; mine?: boolean }) {
  return useQuery({
    queryKey: concernListKey(params),
    queryFn: ({ signal }) => api.concerns({ ...params, limit: 100 }, signal),
  });
}

export function useConcern(id: string) {
  return useQuery({ queryKey: concernKey(id), queryFn: ({ signal }) => api.concern(id, signal) });
}

export function useRaiseConcern() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RaiseConcernRequest) => api.raiseConcern(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['concerns', 'list'] }),
  });
}

export function useRecordConcernAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConcernActionRequest) => api.recordConcernAction(id, body),
    onSuccess: (result) => {
      queryClient.setQueryData(concernKey(id), result);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: concernKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['concerns', 'list'] }),
      ]);
    },
  });
}
