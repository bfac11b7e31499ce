import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/error-message.tsx';
import { usePolicy } from '../../features/credit-policy/api/get-policy.ts';
import { ClientSegments } from '../../features/credit-policy/components/client-segments.tsx';
import { CompanyChecklists } from '../../features/credit-policy/components/company-checklists.tsx';
import { PolicyEditor } from '../../features/credit-policy/components/policy-editor.tsx';
import { RecheckProgress } from '../../features/credit-policy/components/recheck-progress.tsx';
import { VersionHistory } from '../../features/credit-policy/components/version-history.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from './use-session.ts';
import '../../features/credit-policy/components/credit-policy.css';

/** «Кредитная политика» (lazy route /credit-policy): directors and admins edit and publish; managers read. */
export function Component() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const policy = usePolicy();
  const canEdit = user.role === 'director' || user.role === 'admin';
  if (policy.isPending) return <Loading />;
  if (policy.isError) return <ErrorMessage error={policy.error} onRetry={() => void policy.refetch()} />;
  const { current, recheck } = policy.data;
  return (
    <div className="page policy-page">
      <h1>{t('policy.title')}</h1>
      <p className="muted">{t('policy.intro')}</p>
      {current ? (
        <p>
          {t('policy.current', {
            version: current.version,
            date: formatDateTime(current.publishedAt, i18n.language),
            who: current.publishedBy?.name ?? '—',
          })}{' '}
          · <Link to="/card">{t('policy.navCard')}</Link>
        </p>
      ) : (
        <p>{t('policy.none')}</p>
      )}
      {recheck ? <RecheckProgress run={recheck} version={recheck.policyVersion} /> : null}
      {canEdit ? <PolicyEditor key={current?.version ?? 0} current={current?.document ?? null} /> : null}
      {current ? <ClientSegments policy={current.document} /> : null}
      <VersionHistory />
      <CompanyChecklists canEdit={canEdit} />
    </div>
  );
}
