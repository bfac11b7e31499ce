/** Query keys of the credit-policy feature, so a publish refreshes every view of it. */
export const policyKeys = {
  all: ['credit-policy'] as const,
  current: ['credit-policy', 'current'] as const,
  versions: ['credit-policy', 'versions'] as const,
  card: (lang: string) => ['credit-policy', 'card', lang] as const,
  call: (id: string) => ['credit-policy', 'call', id] as const,
  clientsAll: ['credit-policy', 'clients'] as const,
  clients: (q: string) => ['credit-policy', 'clients', q] as const,
  breaches: ['credit-policy', 'breaches'] as const,
  stats: (groupBy: string) => ['credit-policy', 'stats', groupBy] as const,
  drill: (repId: string) => ['credit-policy', 'drill', repId] as const,
};
