/** Routes and app-wide providers. */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { isApiError } from './api.ts';
import { markSessionExpired, meQueryKey, RequireAuth } from './auth.tsx';
import { ConcernPage } from './concerns/ConcernPage.tsx';
import { InboxPage } from './concerns/InboxPage.tsx';
import { RaiseConcernPage } from './concerns/RaiseConcernPage.tsx';
import { Layout } from './components/Layout.tsx';
import { MeetingPage } from './meetings/MeetingPage.tsx';
import { MeetingsPage } from './meetings/MeetingsPage.tsx';
import { ChildPage } from './pages/ChildPage.tsx';
import { ChildrenPage } from './pages/ChildrenPage.tsx';
import { EmergencyAccessPage } from './pages/EmergencyAccessPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { LookupPage } from './pages/LookupPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { CataloguePage } from './plans/CataloguePage.tsx';
import { NewPlanPage, PlanPage } from './plans/PlanPage.tsx';
import { PlanReviewPage } from './plans/PlanReviewPage.tsx';
import { AssessmentEditorPage } from './wellbeing/AssessmentEditorPage.tsx';

/** A call that finds the session gone signs the user out in the UI; RequireAuth then shows the login page. */
function onError(error: unknown) {
  if (isApiError(error, 401) && error.code === 'unauthenticated' && queryClient.getQueryData(meQueryKey)) {
    markSessionExpired();
    queryClient.setQueryData(meQueryKey, null);
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <ChildrenPage /> },
          { path: '/children/:id', element: <ChildPage /> },
          { path: '/children/:id/assessments/new', element: <AssessmentEditorPage /> },
          { path: '/children/:id/plans/new', element: <NewPlanPage /> },
          { path: '/plans/:id', element: <PlanPage /> },
          { path: '/plans/:id/review', element: <PlanReviewPage /> },
          { path: '/catalogue', element: <CataloguePage /> },
          { path: '/meetings', element: <MeetingsPage /> },
          { path: '/meetings/:id', element: <MeetingPage /> },
          { path: '/concerns', element: <InboxPage /> },
          { path: '/concerns/new', element: <RaiseConcernPage /> },
          { path: '/concerns/:id', element: <ConcernPage /> },
          { path: '/lookup', element: <LookupPage /> },
          { path: '/emergency', element: <EmergencyAccessPage /> },
          { path: '/review', element: <ReviewPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
