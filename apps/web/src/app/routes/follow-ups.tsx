import { useTranslation } from 'react-i18next';
import { FollowUpInbox } from '../../features/receivables/components/follow-up-inbox.tsx';
import { useSession } from './use-session.ts';

/** `/follow-ups`: who to call about money (reps: their clients; managers: their teams'; directors: all). */
export function Component() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user.role === 'admin') return <p className="page">{t('errors.forbidden')}</p>;
  return <FollowUpInbox canSnooze={user.role === 'manager'} />;
}
