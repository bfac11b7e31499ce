import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useVersions } from '../api/get-versions.ts';
import { policyChanges } from './policy-diff.ts';
import { TableHead } from '../../../components/table-head.tsx';

/** Every published version, who published it, the note, and what changed from the one before. */
export function VersionHistory() {
  const { t, i18n } = useTranslation();
  const versions = useVersions();
  if (versions.isPending) return null;
  if (versions.isError) return <ErrorMessage error={versions.error} />;
  const items = versions.data.items;
  return (
    <section className="panel" aria-labelledby="policy-history">
      <h2 id="policy-history">{t('policy.history')}</h2>
      <table>
        <TableHead columns={[t('policy.version'), t('policy.when'), t('policy.who'), t('policy.changes')]} />
        <tbody>
          {items.map((v, i) => {
            const changes = policyChanges(items[i + 1]?.document ?? null, v.document);
            return (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{formatDateTime(v.publishedAt, i18n.language)}</td>
                <td>{v.publishedBy?.name ?? '—'}</td>
                <td>
                  {v.note ? <div>{v.note}</div> : null}
                  <div className="small muted">
                    {i === items.length - 1
                      ? t('policy.firstVersion')
                      : changes.length
                        ? changes.join('; ')
                        : t('policy.noChanges')}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
