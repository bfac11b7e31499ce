import { useParams } from 'react-router';
import { ClientPage } from '../../features/receivables/components/client-page.tsx';

/** `/clients/:id`: one client's invoices, payments, calls and promises (lazy-loaded). */
export function Component() {
  const { id = '' } = useParams();
  return <ClientPage id={id} />;
}
