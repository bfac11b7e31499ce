import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { useVersions } from '../api/get-versions.ts';
import { policyChanges } from './policy-diff.ts';
import { QueryPanel } from './query-panel.tsx';
import { TableHead } from '../../../components/table-head.tsx';

/** Every published version, who published it, the note, and what changed from the one before. */
export function VersionHistory() {
  const { t, i18n } = useTranslation();
  const versions = useVersions();
  return (
    <QueryPanel id="policy-history" title={t('policy.history')} query={versions}>
      {({ items }) => (
        <table>
          <TableHead
            columns={[t('policy.version'), t('policy.when'), t('policy.who'), t('policy.changes')]}
          />
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
      )}
    </QueryPanel>
  );
}
