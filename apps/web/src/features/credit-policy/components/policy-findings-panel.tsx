import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatClock } from '../../../lib/format.ts';
import { useCallPolicy } from '../api/get-call-policy.ts';
import { describeValue } from './finding-values.ts';
import { QueryPanel } from './query-panel.tsx';
import './credit-policy.css';

/**
 * The call page's «Проверка по кредитной политике»: beside the checklist, each finding with what was
 * said, what the rules allow and ▶ to its moment. Says which version and segment the call was checked
 * against, and when the client's default segment was used.
 */
export function PolicyFindingsPanel({ callId, onPlay }: { callId: string; onPlay: (s: number) => void }) {
  const { t, i18n } = useTranslation();
  const policy = useCallPolicy(callId);
  return (
    <QueryPanel
      id="policy-findings-title"
      title={t('policy.findings.title')}
      className="policy-findings"
      query={policy}
    >
      {({ check }) => (
        <>
          {!check ? (
            <p className="muted small">{t('policy.findings.notChecked')}</p>
          ) : (
            <>
              <p className="small muted">
                {t('policy.findings.checkedAgainst', {
                  version: check.version,
                  segment: check.segmentName ?? check.segment,
                })}
                {check.defaultSegmentUsed ? `. ${t('policy.findings.defaultUsed')}` : ''}
              </p>
              {check.outdated ? (
                <p role="status" className="small">
                  {t('policy.findings.outdated')}
                </p>
              ) : null}
              {check.findings.length === 0 ? (
                <p>{t('policy.findings.none')}</p>
              ) : (
                <ul className="findings">
                  {check.findings.map((f, i) => (
                    <li
                      key={`${f.kind}-${f.segment}-${i}`}
                      className={`finding finding-${f.severity}`}
                      data-kind={f.kind}
                    >
                      <div className="finding-head">
                        <strong>{t(`policy.findings.kind.${f.kind}`)}</strong>{' '}
                        <span className={`badge badge-${f.severity}`}>
                          {t(`policy.findings.severity.${f.severity}`)}
                        </span>
                        {f.start !== null ? (
                          <button
                            type="button"
                            className="play-moment"
                            onClick={() => onPlay(f.start!)}
                            aria-label={`${t('policy.findings.play')} ${formatClock(f.start)}`}
                          >
                            ▶ {formatClock(f.start)}
                          </button>
                        ) : null}
                      </div>
                      <div className="small">
                        {t('policy.findings.stated', {
                          value: describeValue(f.kind, f.stated, t, i18n.language),
                        })}{' '}
                        ·{' '}
                        {t('policy.findings.allowed', {
                          value: describeValue(f.kind, f.allowed, t, i18n.language),
                        })}
                      </div>
                      {f.quote ? <blockquote className="small">«{f.quote}»</blockquote> : null}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <p className="small">
            <Link to="/card">{t('policy.findings.openCard')}</Link>
          </p>
        </>
      )}
    </QueryPanel>
  );
}
