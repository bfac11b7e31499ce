import type { Kysely } from 'kysely';
import {
  clientInScope,
  getClientHeader,
  listClientCalls,
  listClientInvoices,
  listClientPayments,
  listClientPromises,
  type ClientCall,
  type ClientHeader,
  type Database,
  type PaymentPromise,
  type ReceivableInvoice,
  type ReceivablePayment,
} from '@onterms/db';
import type { CreditPolicyLookup } from '../credit-policy/credit-policy-lookup.ts';
import { daysBetween } from '@onterms/calendar';

export interface ClientPageDeps {
  db: Kysely<Database>;
  policy: CreditPolicyLookup;
  today: () => string;
}

export type InvoiceState = 'open' | 'overdue' | 'paid' | 'paid_late';

export interface ClientPage {
  client: ClientHeader & { segment: string | null; creditLimit: { amount: number; currency: string } | null };
  totals: { balance: number; overdue: number; currency: string | null };
  risk: {
    /** Late invoices ever: paid after their due date, or overdue now. */
    lateInvoices: number;
    /** This is the client's first delay: the one that teaches them whether anyone follows up. */
    firstDelay: boolean;
    repeatedDelays: boolean;
    overCreditLimit: boolean;
  };
  invoices: (ReceivableInvoice & { state: InvoiceState; daysLate: number | null })[];
  payments: ReceivablePayment[];
  calls: ClientCall[];
  promises: PaymentPromise[];
}

/**
 * Everything about one client on one page: invoices with how late each was, payments, calls with their
 * flags, promises with their outcome, and the risk signals. Null when the client is not in the caller's
 * scope (or does not exist): the caller answers 404 either way.
 */
export async function getClientPage(
  deps: ClientPageDeps,
  clientId: string,
  repIds: string[] | null,
): Promise<ClientPage | null> {
  if (!(await clientInScope(deps.db, clientId, repIds))) return null;
  const header = await getClientHeader(deps.db, clientId);
  if (!header) return null;
  const today = deps.today();
  const [invoices, payments, calls, promises, limits, segments] = await Promise.all([
    listClientInvoices(deps.db, clientId),
    listClientPayments(deps.db, clientId),
    listClientCalls(deps.db, clientId, repIds),
    listClientPromises(deps.db, clientId),
    deps.policy.creditLimits([clientId]),
    deps.policy.segments([clientId]),
  ]);
  const visibleCalls = new Set(calls.map((c) => c.id));
  const withState = invoices.map((i) => ({ ...i, ...stateOf(i, today) }));
  const late = withState.filter((i) => i.state === 'overdue' || i.state === 'paid_late').length;
  const balance = sum(invoices.map((i) => i.balance));
  const creditLimit = limits.get(clientId) ?? null;
  return {
    client: { ...header, segment: segments.get(clientId) ?? null, creditLimit },
    totals: {
      balance,
      overdue: sum(withState.filter((i) => i.state === 'overdue').map((i) => i.balance)),
      currency: invoices[0]?.currency ?? null,
    },
    risk: {
      lateInvoices: late,
      firstDelay: late === 1,
      repeatedDelays: late >= 2,
      overCreditLimit: creditLimit !== null && balance > creditLimit.amount,
    },
    invoices: withState,
    payments,
    calls,
    // A promise is shown with its call: only for calls the caller may see.
    promises: promises.filter((p) => visibleCalls.has(p.callId)),
  };
}

/** Open, overdue, paid on time or paid late — and by how many days (so far, for an overdue one). */
export function stateOf(
  invoice: Pick<ReceivableInvoice, 'balance' | 'dueOn' | 'paidOn'>,
  today: string,
): { state: InvoiceState; daysLate: number | null } {
  if (invoice.balance > 0) {
    return invoice.dueOn < today
      ? { state: 'overdue', daysLate: daysBetween(invoice.dueOn, today) }
      : { state: 'open', daysLate: null };
  }
  if (invoice.paidOn && invoice.paidOn > invoice.dueOn) {
    return { state: 'paid_late', daysLate: daysBetween(invoice.dueOn, invoice.paidOn) };
  }
  return { state: 'paid', daysLate: invoice.paidOn ? 0 : null };
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
