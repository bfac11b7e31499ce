import { useOutletContext } from 'react-router';
import type { Session } from '../../types/api.ts';

/** The signed-in session, provided by the app layout to every page under it. */
export const useSession = () => useOutletContext<Session>();
