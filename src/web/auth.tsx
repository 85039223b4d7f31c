/** Who is signed in: the /api/me query, and the guard for signed-in routes. */
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { api, isApiError } from './api.ts';
import type { Me } from './api-types.ts';
import { ErrorAlert, Loading } from './components/Status.tsx';

export const meQueryKey = ['me'] as const;

let sessionExpired = false;
/** Remember that the server ended the session, so the login page can say so. */
export function markSessionExpired(expired = true): void {
  sessionExpired = expired;
}

export function useMe() {
  return useQuery<Me | null>({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return (await api.me(signal)).user;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Holds the log-reviewer role (reviews the audit trail). */
export const isLogReviewer = (me: Me | null | undefined) => Boolean(me?.roles.some((r) => r.role === 'log_reviewer'));
/** Holds a manager role (reviews emergency accesses). */
export const isManager = (me: Me | null | undefined) => Boolean(me?.roles.some((r) => r.role === 'manager'));

export type LoginLocationState = { from?: string; expired?: boolean } | null;

/** Renders the child routes for a signed-in user; otherwise sends them to the login page. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const state: LoginLocationState = { from: location.pathname + location.search, expired: sessionExpired };
    return <Navigate to='/login' replace state={state} />;
  }
  return <Outlet />;
}
