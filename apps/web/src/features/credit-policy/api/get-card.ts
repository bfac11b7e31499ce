import { useQuery } from '@tanstack/react-query';
import type { CardResponse } from '@onterms/contracts';
import { api, withQuery } from '../../../lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

export const getCard = (lang: string) => api<CardResponse>(withQuery('/api/credit-policy/card', { lang }));
export const useCard = (lang: 'ru' | 'en') =>
  useQuery({ queryKey: policyKeys.card(lang), queryFn: () => getCard(lang) });
