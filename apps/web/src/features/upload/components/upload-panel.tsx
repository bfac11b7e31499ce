import { useQueryClient } from '@tanstack/react-query';
import { ClientPicker } from './client-picker.tsx';
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../components/error-message.tsx';
import { StatusBadge } from '../../../components/flag-chips.tsx';
import { formatBytes } from '../../../lib/format.ts';
import { queryKeys } from '../../../lib/query-client.ts';
import { useCallStatuses } from '../api/get-call-status.ts';
import { uploadCall } from '../api/upload-call.ts';

interface Item {
  key: string;
  file: File;
  transcript: File | null;
  progress: number;
  state: 'waiting' | 'uploading' | 'done' | 'error';
  callId?: string;
  existing?: boolean;
  error?: { text: string; detail: string | null };
}

interface Props {
  /** Managers upload for a rep of their teams; reps upload as themselves (no choice shown). */
  reps: { id: string; name: string }[] | null;
  /** A speech-to-text engine is configured; without one, audio needs its transcript (warned before sending). */
  speechToText?: boolean;
}

const AUDIO_ACCEPT = 'audio/*,.ogg,.opus,.mp3,.wav,.m4a,.webm,.flac';
const baseName = (name: string) => name.replace(/\.[^.]+$/, '').toLowerCase();

/**
 * Drag and drop one or many recordings, one metadata form for the batch, an optional transcript per
 * recording (paired by file name, or the only one with the only recording); a progress bar per file,
 * then each new call's live status until it is analysed.
 */
export function UploadPanel({ reps, speechToText = true }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [items, setItems] = useState<Item[]>([]);
  const [transcripts, setTranscripts] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const statuses = useCallStatuses(items.filter((i) => i.callId).map((i) => i.callId!));
  const statusById = new Map(statuses.map((s) => [s.data?.id, s.data]));

  const addFiles = (files: FileList | File[]) => {
    const list = [...files];
    const audio = list.filter((f) => !/\.(json|vtt|srt)$/i.test(f.name));
    const texts = list.filter((f) => /\.(json|vtt|srt)$/i.test(f.name));
    if (texts.length) setTranscripts((prev) => [...prev, ...texts]);
    setItems((prev) => [
      ...prev.filter((i) => i.state !== 'waiting' || !audio.some((a) => a.name === i.file.name)),
      ...audio.map((file) => ({
        key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
        file,
        transcript: null,
        progress: 0,
        state: 'waiting' as const,
      })),
    ]);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };

  const patch = (key: string, change: Partial<Item>) =>
    setItems((prev) => prev.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const transcriptFor = (item: Item, waitingAudio: number) =>
    transcripts.find((tr) => baseName(tr.name) === baseName(item.file.name)) ??
    (waitingAudio === 1 && transcripts.length === 1 ? transcripts[0]! : null);
  const queued = items.filter((i) => i.state === 'waiting' || i.state === 'error');
  const withoutTranscript = speechToText ? [] : queued.filter((i) => !transcriptFor(i, queued.length));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const pending = items.filter((i) => i.state === 'waiting' || i.state === 'error');
    if (pending.length === 0) {
      setProblem(t('upload.noFiles'));
      return;
    }
    const form = new FormData(formRef.current!);
    const recordedAt = String(form.get('recordedAt') ?? '');
    const fields: Record<string, string | undefined> = {
      clientName: String(form.get('clientName') ?? '').trim() || undefined,
      clientId: String(form.get('clientId') ?? '') || undefined,
      callType: String(form.get('callType') ?? '') || undefined,
      language: String(form.get('language') ?? '') || undefined,
      repChannel: String(form.get('repChannel') ?? '') || undefined,
      repId: String(form.get('repId') ?? '') || undefined,
      recordedAt: recordedAt ? new Date(recordedAt).toISOString() : undefined,
    };
    const waitingAudio = pending.length;
    setBusy(true);
    for (const item of pending) {
      const transcript = transcriptFor(item, waitingAudio);
      patch(item.key, { state: 'uploading', progress: 0, transcript, error: undefined });
      try {
        const result = await uploadCall({ audio: item.file, transcript, fields }, (progress) =>
          patch(item.key, { progress }),
        );
        patch(item.key, { state: 'done', progress: 1, callId: result.id, existing: result.existing });
      } catch (error) {
        patch(item.key, { state: 'error', error: describeError(error, t) });
      }
    }
    setBusy(false);
    void client.invalidateQueries({ queryKey: queryKeys.callsAll });
  };

  return (
    <section className="upload" aria-labelledby="upload-title">
      <h1 id="upload-title">{t('upload.title')}</h1>
      <form ref={formRef} onSubmit={submit} className="upload-form">
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('upload.dropHere')}</p>
          <label className="button-like">
            {t('upload.chooseAudio')}
            <input
              type="file"
              multiple
              accept={AUDIO_ACCEPT}
              className="visually-hidden"
              onChange={(e) => {
                if (e.target.files) addFiles(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
          <label className="button-like">
            {t('upload.chooseTranscript')}
            <input
              type="file"
              multiple
              accept=".json,.vtt,.srt"
              className="visually-hidden"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])]; // copied now: the input is cleared below
                setTranscripts((prev) => [...prev, ...files]);
                e.target.value = '';
              }}
            />
          </label>
          <p className="small muted">{t('upload.transcriptHint')}</p>
          {transcripts.length ? (
            <p className="small">
              {t('upload.transcripts')}: {transcripts.map((f) => f.name).join(', ')}{' '}
              <button type="button" className="link" onClick={() => setTranscripts([])}>
                {t('upload.removeTranscripts')}
              </button>
            </p>
          ) : null}
        </div>
        <fieldset className="meta">
          <legend>{t('upload.meta')}</legend>
          {reps ? (
            <label>
              {t('upload.rep')}
              <select name="repId" required defaultValue="">
                <option value="" disabled>
                  {reps.length ? t('upload.chooseRep') : t('upload.noReps')}
                </option>
                {reps.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ClientPicker />
          <label>
            {t('upload.callType')}
            <select name="callType" defaultValue="credit_negotiation">
              <option value="credit_negotiation">{t('callType.credit_negotiation')}</option>
              <option value="collection">{t('callType.collection')}</option>
            </select>
          </label>
          <label>
            {t('upload.recordedAt')}
            <input name="recordedAt" type="datetime-local" />
          </label>
          <label>
            {t('upload.language')}
            <select name="language" defaultValue="">
              <option value="">{t('upload.languageAuto')}</option>
              <option value="ru">{t('upload.languageRu')}</option>
              <option value="en">{t('upload.languageEn')}</option>
            </select>
          </label>
          <label>
            {t('upload.repChannel')}
            <select name="repChannel" defaultValue="">
              <option value="">{t('upload.channelMono')}</option>
              <option value="left">{t('upload.channelLeft')}</option>
              <option value="right">{t('upload.channelRight')}</option>
            </select>
          </label>
        </fieldset>
        {items.length ? (
          <ul className="upload-items" aria-label={t('upload.files')}>
            {items.map((item) => {
              const status = item.callId ? statusById.get(item.callId) : undefined;
              return (
                <li key={item.key} className={`upload-item ${item.state}`}>
                  <span className="file-name">
                    {item.file.name}{' '}
                    <span className="muted small">({formatBytes(item.file.size, i18n.language)})</span>
                    {item.transcript ? <span className="muted small"> + {item.transcript.name}</span> : null}
                  </span>
                  {item.state === 'error' ? null : (
                    <progress
                      value={item.progress}
                      max={1}
                      aria-label={t('upload.progress', { name: item.file.name })}
                    />
                  )}
                  <span className="upload-state">
                    {item.state === 'waiting' ? (
                      <>
                        {t('upload.ready')}{' '}
                        <button
                          type="button"
                          className="link"
                          onClick={() => setItems((p) => p.filter((i) => i.key !== item.key))}
                          aria-label={t('upload.remove', { name: item.file.name })}
                        >
                          ×
                        </button>
                      </>
                    ) : null}
                    {item.state === 'uploading'
                      ? t('upload.uploading', { percent: Math.round(item.progress * 100) })
                      : null}
                    {item.state === 'done' ? (
                      <>
                        {item.existing ? <span className="small">{t('upload.existing')} </span> : null}
                        {status ? <StatusBadge status={status.status} /> : t('upload.uploaded')}{' '}
                        <Link to={`/calls/${item.callId}`}>{t('upload.open')}</Link>
                      </>
                    ) : null}
                  </span>
                  {item.state === 'error' && item.error ? (
                    <p role="alert" className="error small">
                      {item.error.text}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {problem ? (
          <p role="alert" className="error">
            {problem}
          </p>
        ) : null}
        {withoutTranscript.length ? (
          <p role="alert" className="warning no-engine-warning">
            {t('firstDay.noEngineWarning')}{' '}
            <span className="small">{withoutTranscript.map((i) => i.file.name).join(', ')}</span>
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('upload.busy') : t('upload.submit')}
        </button>
      </form>
    </section>
  );
}
