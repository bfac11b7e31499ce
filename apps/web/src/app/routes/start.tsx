import { Navigate, useLocation } from 'react-router';
import { START_PATH } from '../navigation.ts';
import { useSession } from './use-session.ts';

/**
 * `/`: each role starts where its work is. An old link to the calls list (`/?rep=…`, from before the
 * list moved to `/calls`) keeps its filters.
 */
export function StartRoute() {
  const { user } = useSession();
  const { search } = useLocation();
  if (search) return <Navigate to={`/calls${search}`} replace />;
  return <Navigate to={START_PATH[user.role]} replace />;
}
