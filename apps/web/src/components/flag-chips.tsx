import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FLAG_IDS } from '../lib/flags.ts';
import { formatClock } from '../lib/format.ts';

/**
 * The three checklist flags as ✓/✗ chips and the deflection marker, for one calls-list row. Given the
 * call, each chip is a link that opens it where that flag is said (✓) or should have been (✗).
 */
export function FlagChips({
  flags,
  corrected,
  callId,
  flagAt = {},
}: {
  flags: Record<string, boolean> | null;
  corrected?: string[];
  callId?: string;
  flagAt?: Record<string, number>;
}) {
  const { t } = useTranslation();
  if (!flags) return <span className="muted small">{t('list.notAnalysed')}</span>;
  return (
    <span className="flag-chips">
      {FLAG_IDS.map((flag) => {
        const value = flags[flag];
        const label = t(`flags.${flag}`);
        const state = value ? t('checklist.stated') : t('checklist.notStated');
        const fixed = corrected?.includes(flag);
        const at = flagAt[flag];
        const where =
          at === undefined
            ? t('list.chipAtStart')
            : t(value ? 'list.chipAtMoment' : 'list.chipAtOpportunity', { time: formatClock(at) });
        const className = `chip-flag ${value ? 'yes' : 'no'}${fixed ? ' fixed' : ''}`;
        const title = `${label}: ${state}${fixed ? ` (${t('checklist.corrected')})` : ''}`;
        const content = (
          <>
            <span aria-hidden="true">{value ? '✓' : '✗'}</span> {t(`flagsShort.${flag}`)}
            <span className="visually-hidden">
              : {state}
              {fixed ? ` (${t('checklist.corrected')})` : ''}
              {callId ? ` — ${where}` : ''}
            </span>
          </>
        );
        return callId ? (
          <Link
            key={flag}
            to={at === undefined ? `/calls/${callId}` : `/calls/${callId}?t=${at}`}
            className={`${className} chip-link`}
            title={`${title} — ${where}`}
          >
            {content}
          </Link>
        ) : (
          <span key={flag} className={className} title={title}>
            {content}
          </span>
        );
      })}
      {flags.deflection ? (
        <span className="chip-flag warn" title={t('checklist.deflectionPresent')}>
          ⚠<span className="visually-hidden"> {t('checklist.deflectionPresent')}</span>
        </span>
      ) : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  // `waiting` is at rest (it needs a transcript), not in progress: no spinner.
  const live = status !== 'analyzed' && status !== 'failed' && status !== 'waiting';
  return (
    <span className={`status-badge status-${status}`}>
      {live ? <span className="spinner" aria-hidden="true" /> : null}
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
