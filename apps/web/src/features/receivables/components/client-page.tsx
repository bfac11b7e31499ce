import type { ClientPageView } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useClientPage } from '../api/get-client-page.ts';
import { TableHead } from '../../../components/table-head.tsx';

type Event = { at: string; key: string; node: React.ReactNode };

/** One client: who looks after them, what they owe, how late they paid, what was said and promised. */
export function ClientPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const page = useClientPage(id);
  if (page.isPending) return <Loading />;
  if (page.isError) {
    return (
      <ErrorMessage
        error={page.error}
        notFound={t('receivables.clientNotFound')}
        onRetry={() => void page.refetch()}
      />
    );
  }
  return <ClientView page={page.data} />;
}

function ClientView({ page }: { page: ClientPageView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (amount: number, currency: string | null) =>
    currency ? formatNumber(amount, lang, { style: 'currency', currency }) : formatNumber(amount, lang);
  const { client, risk, totals } = page;

  const events: Event[] = [
    ...page.invoices.map((inv) => ({
      at: inv.issuedOn,
      key: `i-${inv.id}`,
      node: (
        <>
          {t('receivables.timeline.invoice', {
            number: inv.number,
            amount: money(inv.amount, inv.currency),
            due: formatDate(inv.dueOn, lang),
          })}{' '}
          <span className={`badge state-${inv.state}`}>
            {t(`receivables.state.${inv.state}`, { days: inv.daysLate ?? 0 })}
          </span>
        </>
      ),
    })),
    ...page.payments.map((p, i) => ({
      at: p.paidOn,
      key: `p-${i}`,
      node: t('receivables.timeline.payment', { number: p.number, amount: money(p.amount, p.currency) }),
    })),
    ...page.calls.map((c) => ({
      at: c.recordedAt,
      key: `c-${c.id}`,
      node: (
        <>
          <Link to={`/calls/${c.id}`}>
            {t(`callType.${c.callType}`)} · {c.rep.name}
          </Link>{' '}
          {(['payment_terms', 'deadline', 'sanctions'] as const).map((f) =>
            f in c.flags ? (
              <span key={f} className={`badge ${c.flags[f] ? 'ok' : 'missing'}`}>
                {c.flags[f] ? '✓' : '✗'} {t(`flags.${f}`)}
              </span>
            ) : null,
          )}
        </>
      ),
    })),
    ...page.promises.map((p) => ({
      at: p.recordedAt,
      key: `pr-${p.callId}-${p.ordinal}`,
      node: (
        <>
          {t('receivables.timeline.promise', {
            what:
              p.amount !== null ? money(p.amount, p.currency ?? totals.currency) : t('receivables.allOfIt'),
            due: p.dueOn ? formatDate(p.dueOn, lang) : '—',
          })}{' '}
          <span className={`badge promise-${p.status}`}>{t(`receivables.promise.${p.status}`)}</span>
          {p.quotes[0] ? <q className="small muted"> {p.quotes[p.quotes.length - 1]!.quote}</q> : null}
        </>
      ),
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  return (
    <div className="page client-page">
      <h1>{client.name}</h1>
      <p className="muted">
        {client.taxId ? `${t('receivables.taxId')} ${client.taxId} · ` : ''}
        {t('receivables.rep')}: {client.rep ? client.rep.name : t('receivables.noRep')}
        {client.segment ? ` · ${t('receivables.segment')}: ${client.segment}` : ''}
        {client.creditLimit
          ? ` · ${t('receivables.creditLimit')}: ${money(client.creditLimit.amount, client.creditLimit.currency)}`
          : ''}
      </p>
      <section aria-label={t('receivables.risk')} className="risk">
        {risk.firstDelay ? <p className="badge warn">{t('receivables.firstDelay')}</p> : null}
        {risk.repeatedDelays ? (
          <p className="badge danger">{t('receivables.repeatedDelays', { count: risk.lateInvoices })}</p>
        ) : null}
        {risk.overCreditLimit ? <p className="badge danger">{t('receivables.overLimit')}</p> : null}
        {!risk.lateInvoices && !risk.overCreditLimit ? (
          <p className="badge ok">{t('receivables.noRisk')}</p>
        ) : null}
      </section>
      <dl className="totals">
        <dt>{t('receivables.balance')}</dt>
        <dd data-testid="client-balance">{money(totals.balance, totals.currency)}</dd>
        <dt>{t('receivables.overdue')}</dt>
        <dd data-testid="client-overdue">{money(totals.overdue, totals.currency)}</dd>
      </dl>
      <h2>{t('receivables.timelineTitle')}</h2>
      {events.length === 0 ? <p className="empty">{t('receivables.noEvents')}</p> : null}
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.key}>
            <time dateTime={e.at}>
              {e.at.length > 10 ? formatDateTime(e.at, lang) : formatDate(e.at, lang)}
            </time>{' '}
            {e.node}
          </li>
        ))}
      </ol>
      <h2>{t('receivables.invoices')}</h2>
      <table>
        <TableHead
          columns={[
            t('receivables.number'),
            t('receivables.issued'),
            t('receivables.due'),
            t('receivables.amount'),
            t('receivables.balance'),
            t('receivables.paidOn'),
            t('receivables.daysLate'),
          ]}
        />
        <tbody>
          {page.invoices.map((inv) => (
            <tr key={inv.id} className={`state-${inv.state}`}>
              <td>{inv.number}</td>
              <td>{formatDate(inv.issuedOn, lang)}</td>
              <td>{formatDate(inv.dueOn, lang)}</td>
              <td>{money(inv.amount, inv.currency)}</td>
              <td>{money(inv.balance, inv.currency)}</td>
              <td>{inv.paidOn ? formatDate(inv.paidOn, lang) : '—'}</td>
              <td>{inv.daysLate ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Link to={`/?clientId=${client.id}`}>{t('receivables.allCalls')}</Link>
      </p>
    </div>
  );
}
