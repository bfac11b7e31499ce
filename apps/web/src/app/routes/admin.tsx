import { useTranslation } from 'react-i18next';
import { AdminTables } from '../../features/admin/components/admin-tables.tsx';
import { useSession } from './use-session.ts';

/** Admin pages (lazy-loaded route). */
export function Component() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user.role !== 'admin') return <p className="page">{t('errors.forbidden')}</p>;
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <AdminTables />
    </div>
  );
}
