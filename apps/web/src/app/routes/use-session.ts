import { useOutletContext } from 'react-router';
import type { SessionInfo as Session } from '@onterms/contracts';

/** The signed-in session, provided by the app layout to every page under it. */
export const useSession = () => useOutletContext<Session>();
