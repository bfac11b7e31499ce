import type { RecheckView } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';

type Run = Pick<RecheckView, 'status' | 'done' | 'total'>;
const POLICY = {
  running: 'policy.recheck',
  done: 'policy.recheckDone',
  superseded: 'policy.recheckSuperseded',
} as const;

/**
 * A re-check of old calls after a publish (the policy's, or a checklist's with its own `messages`): a
 * progress bar while it runs, a line when done.
 */
export function RecheckProgress({
  run,
  version,
  messages = POLICY,
}: {
  run: Run;
  version: number;
  messages?: { running: string; done: string; superseded: string };
}) {
  const { t } = useTranslation();
  const values = { version, done: run.done, total: run.total };
  if (run.status === 'done')
    return (
      <p role="status" className="recheck">
        {t(messages.done, values)}
      </p>
    );
  if (run.status === 'superseded') return <p className="small muted">{t(messages.superseded, values)}</p>;
  return (
    <div role="status" className="recheck">
      <label>
        {t(messages.running, values)} <progress max={Math.max(run.total, 1)} value={run.done} />
      </label>
    </div>
  );
}
