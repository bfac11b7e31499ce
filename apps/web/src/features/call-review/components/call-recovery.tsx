import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useAttachTranscript, useRetranscribe } from '../api/attach-transcript.ts';
import { useRetryCall } from '../api/retry-call.ts';

interface Props {
  callId: string;
  status: 'waiting' | 'failed';
  failureCode: string | null | undefined;
  /** The server's English text, shown only when the code is one this page does not know. */
  failureReason: string | null;
  /** A speech-to-text engine is configured: "transcribe again" is offered. */
  speechToText: boolean;
  /** The signed-in person may act on the call (its rep, a manager of the team). */
  canAct: boolean;
}

/** Failures a transcript cannot fix: the recording itself must be uploaded again. */
const AUDIO_PROBLEMS = new Set(['audio_damaged', 'not_audio', 'channel_unavailable', 'audio_missing']);
/** Failures of the transcript: a new transcript file is the fix. */
const TRANSCRIPT_PROBLEMS = new Set(['transcript_invalid', 'transcript_missing', 'stt_rejected']);

/**
 * A call that cannot be analysed, in one panel: what happened, in plain words, and what to do next —
 * the one action that fixes it first (upload a transcript, process again, or upload the recording
 * again), the others after. Never a spinner forever, never the same advice twice.
 */
export function CallRecovery(props: Props) {
  const { callId, status, failureCode, failureReason, speechToText, canAct } = props;
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const attach = useAttachTranscript(callId);
  const again = useRetranscribe(callId);
  const retry = useRetryCall(callId);

  const code = status === 'failed' ? (failureCode ?? null) : null;
  const happened =
    status === 'waiting'
      ? t(speechToText ? 'recovery.waitingForEngine' : 'recovery.waitingNoEngine')
      : code
        ? t(`callFailure.${code}`, { defaultValue: failureReason ?? t('recovery.unknown') })
        : (failureReason ?? t('recovery.unknown'));
  const audioProblem = code !== null && AUDIO_PROBLEMS.has(code);
  const transcriptFirst = status === 'waiting' || (code !== null && TRANSCRIPT_PROBLEMS.has(code));
  const canAttach = !audioProblem;
  // processing again re-reads the same recording and transcript: no use when either is the problem
  const canRetry = status === 'failed' && !audioProblem && !transcriptFirst;
  const next = !canAct
    ? t('recovery.nextNoRights')
    : audioProblem
      ? t('recovery.nextAudio')
      : transcriptFirst
        ? t(speechToText ? 'recovery.nextTranscriptOrEngine' : 'recovery.nextTranscript')
        : t('recovery.nextRetry');

  const attachButton = (
    <button
      key="attach"
      type="button"
      className={transcriptFirst ? 'primary' : undefined}
      onClick={() => input.current?.click()}
      disabled={attach.isPending}
    >
      {attach.isPending ? t('firstDay.attaching') : t('firstDay.attachTranscript')}
    </button>
  );
  const retryButton = (
    <button
      key="retry"
      type="button"
      className={transcriptFirst ? undefined : 'primary'}
      onClick={() => retry.mutate()}
      disabled={retry.isPending}
    >
      {retry.isPending ? t('callFailure.retrying') : t('callFailure.retry')}
    </button>
  );
  const actions = [...(canAttach ? [attachButton] : []), ...(canRetry ? [retryButton] : [])];
  if (!transcriptFirst) actions.reverse();

  return (
    <section
      className={`call-recovery ${status === 'failed' ? 'error-box' : 'notice'}`}
      role={status === 'failed' ? 'alert' : 'status'}
      aria-labelledby="recovery-title"
    >
      <h2 id="recovery-title" className="recovery-title">
        {status === 'failed' ? t('recovery.failedTitle') : t('recovery.waitingTitle')}
      </h2>
      <p>
        <strong>{t('recovery.happened')}</strong> {happened}
      </p>
      <p>
        <strong>{t('recovery.next')}</strong> {next}
      </p>
      {canAct ? (
        <div className="row recovery-actions">
          <input
            ref={input}
            type="file"
            accept=".json,.vtt,.srt"
            className="visually-hidden"
            // the button below is the control people use; this input only opens the file picker
            aria-hidden="true"
            tabIndex={-1}
            data-testid="attach-transcript-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) attach.mutate(file);
              e.target.value = '';
            }}
          />
          {actions}
          {audioProblem ? (
            <Link to="/upload" className="button-like primary">
              {t('recovery.uploadAgain')}
            </Link>
          ) : null}
          {speechToText && !audioProblem ? (
            <button type="button" onClick={() => again.mutate()} disabled={again.isPending}>
              {t('firstDay.retranscribe')}
            </button>
          ) : null}
        </div>
      ) : null}
      {canAct && canAttach ? <p className="small muted">{t('firstDay.attachHint')}</p> : null}
      {canAct && canRetry ? <p className="small muted">{t('callFailure.retryHint')}</p> : null}
      {attach.isSuccess ? <p className="small">{t('firstDay.attached')}</p> : null}
      {again.isSuccess ? <p className="small">{t('firstDay.retranscribed')}</p> : null}
      {attach.isError ? <ErrorMessage error={attach.error} /> : null}
      {again.isError ? <ErrorMessage error={again.error} /> : null}
      {retry.isError ? <ErrorMessage error={retry.error} notFound={t('call.notFound')} /> : null}
    </section>
  );
}
