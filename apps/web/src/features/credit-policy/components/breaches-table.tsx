import type { PolicyBreachItem } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';
import { TableHead } from '../../../components/table-head.tsx';

/** Calls with policy breaches: when, client, rep, which kinds — each a link to the call. */
export function BreachesTable({ items, caption }: { items: PolicyBreachItem[]; caption?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="calls breaches">
      {caption ? <caption>{caption}</caption> : null}
      <TableHead
        columns={[t('list.col.date'), t('list.col.client'), t('list.col.rep'), t('policy.inbox.kinds')]}
      />
      <tbody>
        {items.map((c) => (
          <tr key={c.callId}>
            <td>
              <Link to={`/calls/${c.callId}`}>{formatDateTime(c.recordedAt, i18n.language)}</Link>
            </td>
            <td>{c.clientName ?? t('list.noClient')}</td>
            <td>{c.repName}</td>
            <td>{c.kinds.map((k) => t(`policy.findings.kind.${k}`)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
