import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryStatus, type QueryLike } from '../../components/error-message.tsx';
import { FlagChips } from '../../components/flag-chips.tsx';
import { useCalls } from '../../features/calls/api/get-calls.ts';
import { CallsTable } from '../../features/calls/components/calls-table.tsx';
import { useFeedbackInbox } from '../../features/coaching/api/get-feedback-inbox.ts';
import { useRepliesInbox } from '../../features/coaching/api/get-replies-inbox.ts';
import { useReviewInbox } from '../../features/coaching/api/get-review-inbox.ts';
import { BreachesInbox } from '../../features/credit-policy/components/breaches-inbox.tsx';
import { formatClock, formatDateTime, formatDuration } from '../../lib/format.ts';
import type { FeedbackItem } from '@onterms/contracts';
import { useSession } from './use-session.ts';
import { TableHead } from '../../components/table-head.tsx';

/** Where a rep and a manager start: what waits for them, most urgent first. */
export function InboxRoute() {
  const { user } = useSession();
  if (user.role === 'rep') return <RepStart />;
  if (user.role === 'manager') return <ManagerStart />;
  return <p className="page">—</p>;
}

function RepStart() {
  return (
    <div className="page">
      <FeedbackInbox />
      <MyRecentCalls />
    </div>
  );
}

function ManagerStart() {
  return (
    <div className="page">
      <RepliesInbox />
      <ReviewInbox />
    </div>
  );
}

/** Who spoke last in a thread, to tell the rep "your manager answered". */
function lastWordByManager(item: FeedbackItem): boolean {
  const last = item.thread.replies.at(-1);
  if (!last || last.author.role === 'rep') return false;
  return !item.thread.statusAt || last.createdAt > item.thread.statusAt;
}

function ThreadItems({ items }: { items: FeedbackItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="inbox">
      {items.map((item) => {
        const last = item.thread.replies.at(-1);
        return (
          <li key={item.thread.id} data-thread={item.thread.id}>
            <Link to={`/calls/${item.callId}?t=${item.thread.start}`} className="truncate">
              {item.clientName ?? t('list.noClient')} · {formatDateTime(item.recordedAt, i18n.language)} ·{' '}
              {formatClock(item.thread.start)}
            </Link>{' '}
            {item.thread.status === 'disputed' ? (
              <span className="badge status status-disputed">{t('firstDay.disputed')}</span>
            ) : null}
            {lastWordByManager(item) ? (
              <span className="badge answered">{t('firstDay.answered')}</span>
            ) : null}
            <p>{item.thread.body}</p>
            <p className="small muted">
              {item.thread.author.name} · {t(`role.${item.thread.author.role}`)}
            </p>
            {item.thread.statusComment ? (
              <p className="small">{t('firstDay.quote', { text: item.thread.statusComment })}</p>
            ) : null}
            {last ? (
              <p className="small">
                {last.author.name} ({t(`role.${last.author.role}`)},{' '}
                {formatDateTime(last.createdAt, i18n.language)}
                ): {last.body}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A queue of coaching threads under its heading (the rep's feedback, the manager's replies). */
function ThreadInbox(props: {
  id: string;
  title: string;
  hint?: string;
  query: QueryLike & { data?: { items: FeedbackItem[] } };
  notFound?: string;
  empty: string;
}) {
  const { query } = props;
  return (
    <section aria-labelledby={props.id}>
      <h1 id={props.id}>{props.title}</h1>
      {props.hint ? <p className="muted">{props.hint}</p> : null}
      <QueryStatus query={query} notFound={props.notFound} empty={props.empty} />
      {query.data ? <ThreadItems items={query.data.items} /> : null}
    </section>
  );
}

function FeedbackInbox() {
  const { t } = useTranslation();
  const inbox = useFeedbackInbox();
  return (
    <ThreadInbox
      id="feedback-title"
      title={t('inbox.feedbackTitle')}
      query={inbox}
      notFound={t('coaching.unavailable')}
      empty={t('inbox.feedbackEmpty')}
    />
  );
}

function MyRecentCalls() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const calls = useCalls({ pageSize: '10', page: '1' });
  return (
    <section aria-labelledby="my-calls-title">
      <div className="row spread">
        <h2 id="my-calls-title">{t('firstDay.myCalls')}</h2>
        <Link to="/calls">{t('firstDay.allMyCalls')}</Link>
      </div>
      <QueryStatus query={calls} loading={t('list.loading')} empty={t('list.empty')} />
      {calls.data?.items.length ? (
        <CallsTable
          calls={calls.data.items}
          sort="-recorded_at"
          onFilter={(change) =>
            void navigate(`/calls?${new URLSearchParams(change as Record<string, string>)}`)
          }
        />
      ) : null}
    </section>
  );
}

function RepliesInbox() {
  const { t } = useTranslation();
  const inbox = useRepliesInbox();
  return (
    <ThreadInbox
      id="replies-title"
      title={t('firstDay.repliesTitle')}
      hint={t('firstDay.repliesHint')}
      query={inbox}
      empty={t('firstDay.repliesEmpty')}
    />
  );
}

function ReviewInbox() {
  const { t, i18n } = useTranslation();
  const inbox = useReviewInbox();
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t('inbox.reviewTitle')}</h2>
      <p className="muted">{t('inbox.reviewHint')}</p>
      <QueryStatus query={inbox} notFound={t('coaching.unavailable')} empty={t('inbox.reviewEmpty')} />
      {inbox.data?.items.length ? (
        <table className="calls stack">
          <TableHead
            columns={[
              t('list.col.date'),
              t('list.col.client'),
              t('list.col.rep'),
              t('list.col.duration'),
              t('list.col.flags'),
            ]}
          />
          <tbody>
            {inbox.data.items.map((c) => (
              <tr key={c.id}>
                <td data-label={t('list.col.date')}>
                  <Link to={`/calls/${c.id}`}>{formatDateTime(c.recordedAt, i18n.language)}</Link>
                </td>
                <td data-label={t('list.col.client')}>
                  <span className="truncate" title={c.clientName ?? ''}>
                    {c.clientName ?? t('list.noClient')}
                  </span>
                </td>
                <td data-label={t('list.col.rep')}>{c.repName ?? ''}</td>
                <td data-label={t('list.col.duration')}>{formatDuration(c.durationSec, i18n.language)}</td>
                <td data-label={t('list.col.flags')}>
                  <FlagChips flags={c.flags} corrected={c.corrected} callId={c.id} flagAt={c.flagAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <BreachesInbox />
    </section>
  );
}
