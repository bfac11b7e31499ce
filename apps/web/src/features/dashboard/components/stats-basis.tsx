import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isRechecking, useStatsBasis, type StatsBasisResponse } from '../api/get-stats-basis.ts';

type Share = { done: number; total: number } | null;

/**
 * Which rules the dashboard's numbers come from: the company checklist version of each call type (the
 * terms) and the credit policy version (the breaches); while a re-check runs, that it does and what
 * share is done. When it ends the numbers are fetched again.
 */
export function StatsBasis() {
  const { t } = useTranslation();
  const basis = useStatsBasis();
  const client = useQueryClient();
  const running = isRechecking(basis.data);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void client.invalidateQueries({ queryKey: ['stats'] });
    wasRunning.current = running;
  }, [running, client]);
  if (!basis.data) return null;
  const progress = (share: Share) =>
    share
      ? ` — ${t('dashboard.basis.recheck', {
          percent: Math.floor((share.done * 100) / Math.max(share.total, 1)),
          done: share.done,
          total: share.total,
        })}`
      : '';
  const checklist = (c: StatsBasisResponse['checklists'][number]) =>
    (c.version === null
      ? t('dashboard.basis.defaultChecklist', { callType: t(`callType.${c.callType}`) })
      : t('dashboard.basis.checklist', { callType: t(`callType.${c.callType}`), version: c.version })) +
    progress(c.recheck);
  const { policy } = basis.data;
  return (
    <p className="small stats-basis" role="status" aria-live="polite">
      {t('dashboard.basis.lead')} {basis.data.checklists.map(checklist).join('; ')};{' '}
      {policy
        ? t('dashboard.basis.policy', { version: policy.version }) + progress(policy.recheck)
        : t('dashboard.basis.noPolicy')}
      {running ? ` ${t('dashboard.basis.updates')}` : ''}
    </p>
  );
}
