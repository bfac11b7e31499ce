import type { CreditPolicy } from '@onterms/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useClients } from '../api/get-clients.ts';
import { useSetClientSegment } from '../api/set-client-segment.ts';

/** Each client's segment, editable; a client without one uses the policy's default. */
export function ClientSegments({ policy }: { policy: CreditPolicy }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const clients = useClients(q);
  const save = useSetClientSegment();
  const fallback = policy.segments.find((s) => s.id === policy.defaultSegment)?.name ?? policy.defaultSegment;
  return (
    <section className="panel" aria-labelledby="policy-clients">
      <h2 id="policy-clients">{t('policy.clients')}</h2>
      <input
        type="search"
        aria-label={t('policy.clientsSearch')}
        placeholder={t('policy.clientsSearch')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {clients.isError ? <ErrorMessage error={clients.error} /> : null}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      <table>
        <tbody>
          {(clients.data?.items ?? []).map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>
                <select
                  aria-label={c.name}
                  value={c.segment ?? ''}
                  onChange={(e) => save.mutate({ id: c.id, segment: e.target.value || null })}
                >
                  <option value="">{t('policy.clientSegmentDefault', { segment: fallback })}</option>
                  {policy.segments.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
