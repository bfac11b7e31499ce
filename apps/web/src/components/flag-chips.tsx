import { useTranslation } from 'react-i18next';
import { FLAG_IDS } from '../lib/flags.ts';

/** The three checklist flags as ✓/✗ chips and the deflection marker, for one calls-list row. */
export function FlagChips({
  flags,
  corrected,
}: {
  flags: Record<string, boolean> | null;
  corrected?: string[];
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
        return (
          <span
            key={flag}
            className={`chip-flag ${value ? 'yes' : 'no'}${fixed ? ' fixed' : ''}`}
            title={`${label}: ${state}${fixed ? ` (${t('checklist.corrected')})` : ''}`}
          >
            <span aria-hidden="true">{value ? '✓' : '✗'}</span> {t(`flagsShort.${flag}`)}
            <span className="visually-hidden">
              : {state}
              {fixed ? ` (${t('checklist.corrected')})` : ''}
            </span>
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
