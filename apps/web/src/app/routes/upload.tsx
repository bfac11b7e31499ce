import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalls } from '../../features/calls/api/get-calls.ts';
import { UploadPanel } from '../../features/upload/components/upload-panel.tsx';
import { useSession } from './use-session.ts';

export function UploadRoute() {
  const { t } = useTranslation();
  const { user, workspace } = useSession();
  const isManager = user.role === 'manager';
  // A manager uploads for a rep of their teams: the reps known from the calls they can see.
  const calls = useCalls(isManager ? { pageSize: '200' } : { pageSize: '1' });
  const reps = useMemo(() => {
    if (!isManager) return null;
    const byId = new Map<string, string>();
    for (const c of calls.data?.items ?? []) byId.set(c.repId, c.repName ?? c.repId);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [isManager, calls.data]);
  if (user.role !== 'rep' && !isManager) return <p className="page">{t('upload.notAllowed')}</p>;
  return (
    <div className="page">
      <UploadPanel reps={reps} speechToText={workspace?.speechToText ?? true} />
      <p>
        <Link to="/card">{t('policy.findings.openCard')}</Link>
      </p>
    </div>
  );
}
