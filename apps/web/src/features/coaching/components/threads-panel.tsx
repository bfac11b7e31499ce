import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, QueryStatus } from '../../../components/error-message.tsx';
import { formatClock, formatDateTime } from '../../../lib/format.ts';
import type { ThreadView as Thread } from '@onterms/contracts';
import { useAcknowledgeAnnotation } from '../api/acknowledge-annotation.ts';
import { useCreateReply } from '../api/create-reply.ts';
import { useAnnotations } from '../api/get-annotations.ts';
import { NoteForm, type NoteDraft } from './note-form.tsx';

interface Props {
  callId: string;
  canAnnotate: boolean;
  canReply: boolean;
  /** The signed-in person is this call's rep: may acknowledge or dispute. */
  isCallRep: boolean;
  draft: NoteDraft | null;
  onDraftDone: () => void;
  onNewNote: () => void;
  onSeek: (seconds: number) => void;
}

/** Notes and threads on the call, in time order. */
export function ThreadsPanel({
  callId,
  canAnnotate,
  canReply,
  isCallRep,
  draft,
  onDraftDone,
  onNewNote,
  onSeek,
}: Props) {
  const { t } = useTranslation();
  const annotations = useAnnotations(callId);
  const threads = [...(annotations.data?.threads ?? [])].sort((a, b) => a.start - b.start);
  return (
    <section className="threads" aria-labelledby="threads-title">
      <div className="row spread">
        <h2 id="threads-title">{t('coaching.title')}</h2>
        {canAnnotate && !draft ? (
          <button type="button" onClick={onNewNote} aria-keyshortcuts="N">
            + {t('coaching.noteHere')}
          </button>
        ) : null}
      </div>
      {draft && canAnnotate ? <NoteForm callId={callId} draft={draft} onDone={onDraftDone} /> : null}
      <QueryStatus query={annotations} loading={t('coaching.loading')} notFound={t('coaching.unavailable')} />
      {annotations.isSuccess && threads.length === 0 ? (
        <p className="muted small">{canAnnotate ? t('coaching.emptyManager') : t('coaching.empty')}</p>
      ) : null}
      <ol className="thread-list">
        {threads.map((thread) => (
          <ThreadItem
            key={thread.id}
            callId={callId}
            thread={thread}
            canReply={canReply}
            isCallRep={isCallRep}
            onSeek={onSeek}
          />
        ))}
      </ol>
    </section>
  );
}

function tagLabel(tag: Thread['tag'], language: string): string | null {
  if (!tag) return null;
  if (typeof tag.label === 'string') return tag.label;
  return language.startsWith('en') ? tag.label.en : tag.label.ru;
}

interface ThreadEntry {
  key: string;
  /** null: the call's rep, whose name the thread does not carry (an acknowledgement or a dispute). */
  name: string | null;
  role: Thread['author']['role'];
  at: string;
  body: string | null;
  status?: 'acknowledged' | 'disputed';
}

/** The thread as a conversation: the note, the replies and the rep's answer, each with who and when, in time order. */
function threadEntries(thread: Thread): ThreadEntry[] {
  const entries: ThreadEntry[] = [
    {
      key: 'root',
      name: thread.author.name,
      role: thread.author.role,
      at: thread.createdAt,
      body: thread.body,
    },
    ...thread.replies.map((r) => ({
      key: r.id,
      name: r.author.name,
      role: r.author.role,
      at: r.createdAt,
      body: r.body,
    })),
  ];
  if (thread.status !== 'open' && thread.statusAt) {
    entries.push({
      key: 'status',
      name: null,
      role: 'rep',
      at: thread.statusAt,
      body: thread.statusComment,
      status: thread.status,
    });
  }
  return entries.sort((a, b) => (a.key === 'root' ? -1 : b.key === 'root' ? 1 : a.at.localeCompare(b.at)));
}

function ThreadItem({
  callId,
  thread,
  canReply,
  isCallRep,
  onSeek,
}: {
  callId: string;
  thread: Thread;
  canReply: boolean;
  isCallRep: boolean;
  onSeek: (s: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const reply = useCreateReply(callId);
  const acknowledge = useAcknowledgeAnnotation(callId);
  const [text, setText] = useState('');
  const label = tagLabel(thread.tag, i18n.language);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    reply.mutate({ annotationId: thread.id, body: text.trim() }, { onSuccess: () => setText('') });
  };
  const answer = (status: 'acknowledged' | 'disputed') =>
    acknowledge.mutate(
      { annotationId: thread.id, status, ...(text.trim() && { comment: text.trim() }) },
      { onSuccess: () => setText('') },
    );

  return (
    <li
      className={`thread status-${thread.status}`}
      aria-label={t('coaching.threadLabel', { time: formatClock(thread.start), author: thread.author.name })}
    >
      <div className="row">
        <button
          type="button"
          className="play-moment"
          onClick={() => onSeek(thread.start)}
          aria-label={t('coaching.playNote', { time: formatClock(thread.start) })}
        >
          ▶ {formatClock(thread.start)}
        </button>
        {label ? <span className="badge tag">{label}</span> : null}
        <span className={`badge status status-${thread.status}`}>
          {t(`coaching.status.${thread.status}`)}
        </span>
      </div>
      <ol className="thread-entries">
        {threadEntries(thread).map((entry) => (
          <li key={entry.key} className={`entry by-${entry.role}`} data-role={entry.role}>
            <p className="small muted entry-meta">
              <strong>{entry.name ?? t(`role.${entry.role}`)}</strong>
              {entry.name ? ` · ${t(`role.${entry.role}`)}` : ''} ·{' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
              {entry.status ? ` · ${t(`firstDay.entryStatus.${entry.status}`)}` : ''}
            </p>
            {entry.body ? (
              <p className={entry.key === 'root' ? 'thread-body' : undefined}>{entry.body}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {canReply ? (
        <form onSubmit={send} className="reply-form">
          <label>
            <span className="visually-hidden">{t('coaching.replyLabel')}</span>
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={2}
              placeholder={
                isCallRep && thread.status === 'open'
                  ? t('coaching.replyOrCommentPlaceholder')
                  : t('coaching.replyPlaceholder')
              }
              aria-label={t('coaching.replyLabel')}
            />
          </label>
          <div className="row">
            <button type="submit" disabled={reply.isPending || !text.trim()}>
              {t('coaching.reply')}
            </button>
            {isCallRep && thread.status === 'open' ? (
              <>
                <button
                  type="button"
                  className="primary"
                  onClick={() => answer('acknowledged')}
                  disabled={acknowledge.isPending}
                >
                  {t('coaching.acknowledge')}
                </button>
                <button
                  type="button"
                  onClick={() => answer('disputed')}
                  disabled={acknowledge.isPending || !text.trim()}
                  title={t('coaching.disputeHint')}
                >
                  {t('coaching.dispute')}
                </button>
              </>
            ) : null}
          </div>
          {reply.isError ? <ErrorMessage error={reply.error} notFound={t('coaching.unavailable')} /> : null}
          {acknowledge.isError ? (
            <ErrorMessage error={acknowledge.error} notFound={t('coaching.unavailable')} />
          ) : null}
        </form>
      ) : null}
    </li>
  );
}
