import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { formatClock } from '../../../lib/format.ts';
import { useCreateAnnotation } from '../api/create-annotation.ts';
import { useTags } from '../api/get-tags.ts';

export interface NoteDraft {
  start: number;
  end?: number;
  segment?: number;
}

interface Props {
  callId: string;
  draft: NoteDraft;
  onDone: () => void;
}

/** A manager's note on a moment, a range or a transcript line, with a coaching tag. */
export function NoteForm({ callId, draft, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const tags = useTags();
  const create = useCreateAnnotation(callId);
  const [body, setBody] = useState('');
  const [tagId, setTagId] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => bodyRef.current?.focus(), [draft]);
  const lang = i18n.language.startsWith('en') ? 'en' : 'ru';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    create.mutate(
      {
        start: draft.start,
        ...(draft.end !== undefined && { end: draft.end }),
        ...(draft.segment !== undefined && { segment: draft.segment }),
        ...(tagId && { tagId }),
        body: body.trim(),
      },
      { onSuccess: onDone },
    );
  };

  const where =
    draft.end !== undefined && draft.end > draft.start
      ? t('coaching.range', { from: formatClock(draft.start), to: formatClock(draft.end) })
      : t('coaching.at', { time: formatClock(draft.start) });

  return (
    <form className="note-form" onSubmit={submit} aria-label={t('coaching.newNote')}>
      <p className="small">
        <strong>{t('coaching.newNote')}</strong> · {where}
      </p>
      <label>
        {t('coaching.tag')}
        <select value={tagId} onChange={(e) => setTagId(e.target.value)} disabled={!tags.data}>
          <option value="">{t('coaching.noTag')}</option>
          {tags.data?.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.label[lang] ?? tag.label.ru}
            </option>
          ))}
        </select>
      </label>
      {tags.isError ? <p className="small muted">{t('coaching.tagsUnavailable')}</p> : null}
      <label>
        {t('coaching.comment')}
        <textarea ref={bodyRef} value={body} onChange={(e) => setBody(e.target.value)} rows={3} required />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending || !body.trim()}>
          {create.isPending ? t('common.saving') : t('coaching.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {create.isError ? <ErrorMessage error={create.error} notFound={t('coaching.unavailable')} /> : null}
    </form>
  );
}
