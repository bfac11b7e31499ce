import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './routes/app-layout.tsx';
import { CallsListRoute } from './routes/calls-list.tsx';
import { InboxRoute } from './routes/inbox.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { UploadRoute } from './routes/upload.tsx';
import { RouteError } from './routes/route-error.tsx';
import { StartRoute } from './routes/start.tsx';

/** A page in a chunk of its own, loaded when first opened; a failure to load or render shows the route error. */
const lazyPage = (path: string, lazy: RouteObject['lazy']): RouteObject => ({
  path,
  lazy,
  errorElement: <RouteError />,
});

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
      lazyPage('calls/:id', () => import('./routes/call-page.tsx')),
      lazyPage('dashboard', () => import('./routes/dashboard.tsx')),
      lazyPage('admin', () => import('./routes/admin.tsx')),
      lazyPage('credit-policy', () => import('./routes/credit-policy.tsx')),
      lazyPage('card', () => import('./routes/card.tsx')),
      lazyPage('clients/:id', () => import('./routes/client.tsx')),
      lazyPage('follow-ups', () => import('./routes/follow-ups.tsx')),
      lazyPage('receivables/import', () => import('./routes/receivables-import.tsx')),
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
