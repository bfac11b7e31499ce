import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';

/** What happened and what to do, in plain words, from any error a request can end in. */
export function describeError(
  error: unknown,
  t: TFunction,
  notFound?: string,
): { text: string; detail: string | null } {
  if (!(error instanceof ApiError))
    return { text: t('errors.unexpected'), detail: error instanceof Error ? error.message : null };
  // The API's own message is English and for developers; shown only to English readers, never inside
  // another language's text (a code without a translation falls back to the generic line by status).
  const detail = error.message && t('errors.showDetails') === 'yes' ? error.message : null;
  if (error.status === 0) return { text: t('errors.network'), detail: null };
  const byCode = t(`errors.code.${error.code}`, { defaultValue: '' });
  if (byCode) return { text: byCode, detail };
  if (error.field && error.status === 400) {
    // Name the field in the user's words, and what to do: «Проверьте поле «Тип звонка»».
    const field = t(`firstDay.fields.${error.field}`, { defaultValue: error.field });
    return { text: t('firstDay.fieldProblem', { field }), detail };
  }
  if (error.status === 401) return { text: t('errors.unauthorized'), detail: null };
  if (error.status === 403) return { text: t('errors.forbidden'), detail };
  if (error.status === 404) return { text: notFound ?? t('errors.notFound'), detail: null };
  if (error.status === 429) return { text: t('errors.tooMany'), detail };
  if (error.status >= 500) return { text: t('errors.server'), detail: null };
  return { text: t('errors.rejected'), detail };
}

interface Props {
  error: unknown;
  /** Shown for a 404 instead of the generic "not found" (e.g. a feature the server does not offer yet). */
  notFound?: string;
  onRetry?: () => void;
}

export function ErrorMessage({ error, notFound, onRetry }: Props) {
  const { t } = useTranslation();
  const { text, detail } = describeError(error, t, notFound);
  return (
    <div role="alert" className="error-box">
      <p>{text}</p>
      {detail ? <p className="small muted">{t('errors.detail', { detail })}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {label ?? t('common.loading')}
    </p>
  );
}

export interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: unknown;
  refetch: () => unknown;
}

/**
 * What a request shows before (or instead of) its data: loading, the error with a retry, or — for a
 * list answer (`{ items }`) that came back empty — the `empty` sentence. The data itself is the caller's.
 */
export function QueryStatus(props: {
  query: QueryLike;
  loading?: string;
  notFound?: string;
  empty?: string;
}) {
  const { query } = props;
  const items = (query.data as { items?: unknown[] } | undefined)?.items;
  return (
    <>
      {query.isPending ? <Loading label={props.loading} /> : null}
      {query.isError ? (
        <ErrorMessage error={query.error} notFound={props.notFound} onRetry={() => void query.refetch()} />
      ) : null}
      {props.empty && items?.length === 0 ? <p className="empty">{props.empty}</p> : null}
    </>
  );
}
