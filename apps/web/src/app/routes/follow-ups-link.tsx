import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useFollowUps } from '../../features/receivables/api/get-follow-ups.ts';

/** «Кому позвонить (3)»: the navigation shows how many follow-ups are open. */
export function FollowUpsLink() {
  const { t } = useTranslation();
  const queue = useFollowUps();
  const total = queue.data?.counts.total ?? 0;
  return (
    <NavLink to="/follow-ups">
      {t('nav.followUps')}
      {total ? (
        <span className="count" data-testid="follow-up-count">
          {' '}
          {total}
        </span>
      ) : null}
    </NavLink>
  );
}
