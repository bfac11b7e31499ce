import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useRetryCall } from '../api/retry-call.ts';

/**
 * Why a call failed, in the reader's language (from its failure code; the server's English text when
 * the code is unknown), and — for the call's rep and managers — a button to process it again.
 */
export function CallFailure({
  callId,
  code,
  reason,
  canRetry,
}: {
  callId: string;
  code: string | null | undefined;
  reason: string | null;
  canRetry: boolean;
}) {
  const { t } = useTranslation();
  const retry = useRetryCall(callId);
  const text = code ? t(`callFailure.${code}`, { defaultValue: reason ?? '' }) : (reason ?? '');
  return (
    <div role="alert" className="error-box">
      <p>
        {t('call.failed')} {text}
      </p>
      {canRetry ? (
        <p className="row">
          <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
            {retry.isPending ? t('callFailure.retrying') : t('callFailure.retry')}
          </button>
          <span className="small muted">{t('callFailure.retryHint')}</span>
        </p>
      ) : null}
      {retry.isError ? <ErrorMessage error={retry.error} notFound={t('call.notFound')} /> : null}
    </div>
  );
}
