import { useTranslation } from 'react-i18next';
import { Dashboard } from '../../features/dashboard/components/dashboard.tsx';
import { PolicyBreachesSection } from '../../features/credit-policy/components/policy-breaches-section.tsx';
import { OutcomePanel } from '../../features/receivables/components/outcome-panel.tsx';
import '../../features/dashboard/components/dashboard.css';
import { useSession } from './use-session.ts';

/** The dashboard (lazy-loaded route: the chart library stays out of the first screen's bundle). */
export function Component() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user.role === 'admin') return <p className="page">{t('errors.forbidden')}</p>;
  return (
    <>
      <Dashboard />
      <div className="page">
        <PolicyBreachesSection />
        <OutcomePanel />
      </div>
    </>
  );
}
