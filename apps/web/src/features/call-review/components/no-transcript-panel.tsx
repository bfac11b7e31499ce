import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useAttachTranscript, useRetranscribe } from '../api/attach-transcript.ts';

interface Props {
  callId: string;
  status: 'waiting' | 'failed';
  /** A speech-to-text engine is configured: "transcribe again" is offered. */
  speechToText: boolean;
  /** The signed-in person may attach a transcript (the call's rep, a manager of the team). */
  canAct: boolean;
}

/**
 * A call that cannot be analysed yet says why, in words, and offers the way out: upload its
 * transcript, or — once an engine exists — transcribe the recording again. Never a spinner forever.
 */
export function NoTranscriptPanel({ callId, status, speechToText, canAct }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const attach = useAttachTranscript(callId);
  const again = useRetranscribe(callId);
  return (
    <section className={`no-transcript ${status === 'failed' ? 'error-box' : 'notice'}`} role="status">
      <p>
        {status === 'waiting' && !speechToText ? t('firstDay.waitingReason') : t('firstDay.failedReason')}
      </p>
      {canAct ? (
        <div className="row">
          <input
            ref={input}
            type="file"
            accept=".json,.vtt,.srt"
            className="visually-hidden"
            aria-label={t('firstDay.attachTranscript')}
            data-testid="attach-transcript-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) attach.mutate(file);
              e.target.value = '';
            }}
          />
          <button
            type="button"
            className="primary"
            onClick={() => input.current?.click()}
            disabled={attach.isPending}
            title={t('firstDay.attachHint')}
          >
            {attach.isPending ? t('firstDay.attaching') : t('firstDay.attachTranscript')}
          </button>
          {speechToText ? (
            <button type="button" onClick={() => again.mutate()} disabled={again.isPending}>
              {t('firstDay.retranscribe')}
            </button>
          ) : null}
        </div>
      ) : null}
      <p className="small muted">{t('firstDay.attachHint')}</p>
      {attach.isSuccess ? <p className="small">{t('firstDay.attached')}</p> : null}
      {again.isSuccess ? <p className="small">{t('firstDay.retranscribed')}</p> : null}
      {attach.isError ? <ErrorMessage error={attach.error} /> : null}
      {again.isError ? <ErrorMessage error={again.error} /> : null}
    </section>
  );
}
