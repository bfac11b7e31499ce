import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AuditSection } from '../../features/admin/components/audit-section.tsx';
import { TeamsSection } from '../../features/admin/components/teams-section.tsx';
import { TokensSection } from '../../features/admin/components/tokens-section.tsx';
import { UsersSection } from '../../features/admin/components/users-section.tsx';
import { useSession } from './use-session.ts';

const TABS = ['users', 'teams', 'tokens', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** Admin pages (lazy-loaded route): one area at a time, chosen by `?tab=` so links and Back work. */
export function Component() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params] = useSearchParams();
  if (user.role !== 'admin') return <p className="page">{t('errors.forbidden')}</p>;
  const asked = params.get('tab');
  const tab: Tab = TABS.find((name) => name === asked) ?? 'users';
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <nav aria-label={t('admin.sections')} className="row admin-tabs">
        {TABS.map((name) => (
          <Link key={name} to={`?tab=${name}`} aria-current={name === tab ? 'page' : undefined}>
            {t(`admin.${name}`)}
          </Link>
        ))}
      </nav>
      {tab === 'users' ? <UsersSection /> : null}
      {tab === 'teams' ? <TeamsSection /> : null}
      {tab === 'tokens' ? <TokensSection /> : null}
      {tab === 'audit' ? <AuditSection /> : null}
    </div>
  );
}
