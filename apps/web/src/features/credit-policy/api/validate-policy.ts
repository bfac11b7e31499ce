import { useMutation } from '@tanstack/react-query';
import { api, json } from '../../../lib/api-client.ts';

export const validatePolicy = (document: unknown) =>
  api<{ valid: true }>('/api/credit-policy/validate', { method: 'POST', body: json({ document }) });

export const useValidatePolicy = () => useMutation({ mutationFn: validatePolicy });
