import type { RecheckView } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';

/** The re-check of old calls after a publish: a progress bar while it runs, a line when done. */
export function RecheckProgress({ recheck }: { recheck: RecheckView }) {
  const { t } = useTranslation();
  const values = { version: recheck.policyVersion, done: recheck.done, total: recheck.total };
  if (recheck.status === 'done')
    return (
      <p role="status" className="recheck">
        {t('policy.recheckDone', values)}
      </p>
    );
  if (recheck.status === 'superseded')
    return <p className="small muted">{t('policy.recheckSuperseded', values)}</p>;
  return (
    <div role="status" className="recheck">
      <label>
        {t('policy.recheck', values)} <progress max={Math.max(recheck.total, 1)} value={recheck.done} />
      </label>
    </div>
  );
}
