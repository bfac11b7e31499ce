import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useMarkReviewed } from '../api/mark-reviewed.ts';

/** "Reviewed" for the manager's queue: the call leaves "To review". */
export function ReviewButton({
  callId,
  reviewedAt,
}: {
  callId: string;
  reviewedAt: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const review = useMarkReviewed(callId);
  if (reviewedAt)
    return (
      <span className="badge ok">
        {t('corrections.reviewedAt', { date: formatDateTime(reviewedAt, i18n.language) })}
      </span>
    );
  return (
    <span>
      <button type="button" onClick={() => review.mutate()} disabled={review.isPending}>
        {t('corrections.markReviewed')}
      </button>
      {review.isError ? <ErrorMessage error={review.error} notFound={t('corrections.unavailable')} /> : null}
    </span>
  );
}
