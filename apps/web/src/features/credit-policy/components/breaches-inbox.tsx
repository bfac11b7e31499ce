import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/error-message.tsx';
import { useBreachesInbox } from '../api/get-breaches.ts';
import { BreachesTable } from './breaches-table.tsx';

/** The manager's «Нарушения политики» queue: unreviewed calls of their teams that break the policy. */
export function BreachesInbox() {
  const { t } = useTranslation();
  const inbox = useBreachesInbox();
  return (
    <section aria-labelledby="breaches-inbox">
      <h2 id="breaches-inbox">{t('policy.inbox.title')}</h2>
      <QueryStatus query={inbox} empty={t('policy.inbox.empty')} />
      {inbox.data?.items.length ? <BreachesTable items={inbox.data.items} /> : null}
    </section>
  );
}
