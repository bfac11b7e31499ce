import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/error-message.tsx';
import { FlagChips } from '../../components/flag-chips.tsx';
import { useFeedbackInbox } from '../../features/coaching/api/get-feedback-inbox.ts';
import { useReviewInbox } from '../../features/coaching/api/get-review-inbox.ts';
import { BreachesInbox } from '../../features/credit-policy/components/breaches-inbox.tsx';
import { formatClock, formatDateTime, formatDuration } from '../../lib/format.ts';
import { useSession } from './use-session.ts';

export function InboxRoute() {
  const { user } = useSession();
  if (user.role === 'rep') return <FeedbackInbox />;
  if (user.role === 'manager') return <ReviewInbox />;
  return <p className="page">—</p>;
}

function FeedbackInbox() {
  const { t, i18n } = useTranslation();
  const inbox = useFeedbackInbox();
  return (
    <div className="page">
      <h1>{t('inbox.feedbackTitle')}</h1>
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? (
        <ErrorMessage
          error={inbox.error}
          notFound={t('coaching.unavailable')}
          onRetry={() => void inbox.refetch()}
        />
      ) : null}
      {inbox.data?.items.length === 0 ? <p className="empty">{t('inbox.feedbackEmpty')}</p> : null}
      <ul className="inbox">
        {inbox.data?.items.map((item) => (
          <li key={item.thread.id}>
            <Link to={`/calls/${item.callId}?t=${item.thread.start}`}>
              {item.clientName ?? t('list.noClient')} · {formatDateTime(item.recordedAt, i18n.language)} ·{' '}
              {formatClock(item.thread.start)}
            </Link>
            <p>{item.thread.body}</p>
            <p className="small muted">{item.thread.author.name}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReviewInbox() {
  const { t, i18n } = useTranslation();
  const inbox = useReviewInbox();
  return (
    <div className="page">
      <h1>{t('inbox.reviewTitle')}</h1>
      <p className="muted">{t('inbox.reviewHint')}</p>
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? (
        <ErrorMessage
          error={inbox.error}
          notFound={t('coaching.unavailable')}
          onRetry={() => void inbox.refetch()}
        />
      ) : null}
      {inbox.data?.items.length === 0 ? <p className="empty">{t('inbox.reviewEmpty')}</p> : null}
      {inbox.data?.items.length ? (
        <table className="calls">
          <thead>
            <tr>
              <th scope="col">{t('list.col.date')}</th>
              <th scope="col">{t('list.col.client')}</th>
              <th scope="col">{t('list.col.rep')}</th>
              <th scope="col">{t('list.col.duration')}</th>
              <th scope="col">{t('list.col.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {inbox.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/calls/${c.id}`}>{formatDateTime(c.recordedAt, i18n.language)}</Link>
                </td>
                <td>{c.clientName ?? t('list.noClient')}</td>
                <td>{c.repName ?? ''}</td>
                <td>{formatDuration(c.durationSec, i18n.language)}</td>
                <td>
                  <FlagChips flags={c.flags} corrected={c.corrected} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <BreachesInbox />
    </div>
  );
}
