import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('errors.noPage')}</h1>
      <Link to="/calls">{t('nav.backToList')}</Link>
    </div>
  );
}
