import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';

/** A page that failed to load (a lost chunk after a deploy, a render error): what to do next. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <div className="page">
      <h1>{t('errors.pageTitle')}</h1>
      <ErrorMessage error={error} onRetry={() => window.location.reload()} />
      <Link to="/calls">{t('nav.backToList')}</Link>
    </div>
  );
}
