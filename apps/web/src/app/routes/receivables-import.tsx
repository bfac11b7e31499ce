import { useTranslation } from 'react-i18next';
import { ImportPanel } from '../../features/receivables/components/import-panel.tsx';
import { useSession } from './use-session.ts';

/** `/receivables/import`: directors and admins import aging reports. */
export function Component() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user.role !== 'director' && user.role !== 'admin')
    return <p className="page">{t('errors.forbidden')}</p>;
  return <ImportPanel />;
}
