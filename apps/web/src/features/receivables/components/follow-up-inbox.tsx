import type { FollowUpItem } from '@onterms/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryStatus, describeError } from '../../../components/error-message.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useFollowUps } from '../api/get-follow-ups.ts';
import { useSnoozeFollowUp } from '../api/snooze-follow-up.ts';

/** Who needs a call about money, and why: a client's first delay first. Managers may snooze an item. */
export function FollowUpInbox({ canSnooze }: { canSnooze: boolean }) {
  const { t } = useTranslation();
  const queue = useFollowUps();
  return (
    <div className="page">
      <h1>{t('followUps.title')}</h1>
      <p className="muted">{t('followUps.hint')}</p>
      <QueryStatus query={queue} empty={t('followUps.empty')} />
      <ul className="inbox follow-ups">
        {queue.data?.items.map((item) => (
          <Item key={item.key} item={item} canSnooze={canSnooze} />
        ))}
      </ul>
    </div>
  );
}

function Item({ item, canSnooze }: { item: FollowUpItem; canSnooze: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li data-kind={item.kind}>
      <Link to={`/clients/${item.client.id}`}>{item.client.name}</Link>{' '}
      <span className="badge">{t(`followUps.kind.${item.kind}`)}</span>
      {item.firstDelay ? <span className="badge warn">{t('receivables.firstDelay')}</span> : null}
      <p>
        {item.invoice
          ? t('followUps.invoice', {
              number: item.invoice.number,
              amount: formatNumber(item.invoice.balance, lang, {
                style: 'currency',
                currency: item.invoice.currency,
              }),
              due: formatDate(item.invoice.dueOn, lang),
            })
          : null}
        {item.promise
          ? t('followUps.promise', {
              due: item.promise.dueOn ? formatDate(item.promise.dueOn, lang) : '—',
              status: t(`receivables.promise.${item.promise.status}`),
            })
          : null}
        {item.daysLate !== null ? ` · ${t('followUps.daysLate', { count: item.daysLate })}` : ''}
      </p>
      <p className="small muted">
        {item.rep ? `${item.rep.name} · ` : ''}
        {item.lastCallAt
          ? t('followUps.lastCall', { date: formatDate(item.lastCallAt, lang) })
          : t('followUps.neverCalled')}
      </p>
      {canSnooze ? <SnoozeForm itemKey={item.key} /> : null}
    </li>
  );
}

function SnoozeForm({ itemKey }: { itemKey: string }) {
  const { t } = useTranslation();
  const snooze = useSnoozeFollowUp();
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    snooze.mutate(
      { key: itemKey, until: String(form.get('until')), reason: String(form.get('reason')).trim() },
      { onError: (e) => setError(describeError(e, t).text) },
    );
  };
  return (
    <details>
      <summary>{t('followUps.snooze')}</summary>
      <form onSubmit={submit} className="inline">
        <label>
          {t('followUps.until')} <input type="date" name="until" required />
        </label>
        <label>
          {t('followUps.reason')} <input name="reason" required minLength={3} maxLength={1000} />
        </label>
        <button type="submit" disabled={snooze.isPending}>
          {t('followUps.snoozeSubmit')}
        </button>
        {error ? <p role="alert">{error}</p> : null}
      </form>
    </details>
  );
}
