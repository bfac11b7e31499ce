import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './routes/app-layout.tsx';
import { CallsListRoute } from './routes/calls-list.tsx';
import { InboxRoute } from './routes/inbox.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { UploadRoute } from './routes/upload.tsx';
import { RouteError } from './routes/route-error.tsx';
import { StartRoute } from './routes/start.tsx';

/** The call page, the dashboard and the admin pages are split into their own chunks: the first screen stays small. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <StartRoute />, errorElement: <RouteError /> },
      { path: 'calls', element: <CallsListRoute />, errorElement: <RouteError /> },
      { path: 'upload', element: <UploadRoute />, errorElement: <RouteError /> },
      { path: 'inbox', element: <InboxRoute />, errorElement: <RouteError /> },
      { path: 'calls/:id', lazy: () => import('./routes/call-page.tsx'), errorElement: <RouteError /> },
      { path: 'dashboard', lazy: () => import('./routes/dashboard.tsx'), errorElement: <RouteError /> },
      { path: 'admin', lazy: () => import('./routes/admin.tsx'), errorElement: <RouteError /> },
      {
        path: 'credit-policy',
        lazy: () => import('./routes/credit-policy.tsx'),
        errorElement: <RouteError />,
      },
      { path: 'card', lazy: () => import('./routes/card.tsx'), errorElement: <RouteError /> },
      { path: 'clients/:id', lazy: () => import('./routes/client.tsx'), errorElement: <RouteError /> },
      { path: 'follow-ups', lazy: () => import('./routes/follow-ups.tsx'), errorElement: <RouteError /> },
      {
        path: 'receivables/import',
        lazy: () => import('./routes/receivables-import.tsx'),
        errorElement: <RouteError />,
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
