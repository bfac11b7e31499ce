import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDateTime } from '../../../lib/format.ts';
import type { CallDetail, Moment, Opportunity } from '@onterms/contracts';
import { FLAG_IDS } from '../../../lib/flags.ts';
import { describeValues } from './moment-values.ts';

interface Props {
  call: Pick<CallDetail, 'status' | 'flags' | 'deflection' | 'corrections' | 'effective'>;
  onPlay: (seconds: number) => void;
  /** Slot for the manager's "correct this flag" control (the corrections feature). */
  renderFlagActions?: (flag: string) => ReactNode;
  /** Names of the company's own checklist items (code → name); the default items' are translated. */
  itemTitles?: Record<string, string>;
}

/**
 * The checklist: each required item stated ✓ (with a ▶ per moment and the values read out) or
 * missing ✗ in words, with a ▶ to where it should have been said (the client's payment question, the
 * agreement to ship); a manager's correction replaces the machine's verdict and says who and why,
 * styled apart from it; deflections last.
 */
export function ChecklistPanel({ call, onPlay, renderFlagActions, itemTitles = {} }: Props) {
  const { t, i18n } = useTranslation();
  if (!call.flags) {
    return (
      <section className="checklist" aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('checklist.title')}</h2>
        <p className="muted">{call.status === 'failed' ? t('checklist.failed') : t('checklist.pending')}</p>
      </section>
    );
  }
  const ids = [
    ...FLAG_IDS,
    ...Object.keys(call.flags).filter((f) => !(FLAG_IDS as readonly string[]).includes(f)),
  ];
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('checklist.title')}</h2>
      <ul className="flags">
        {ids.map((flag) => {
          const machine = call.flags![flag];
          const verdict = call.effective[flag];
          const stated = verdict?.stated ?? false;
          const moments = verdict?.moments ?? [];
          const correction = verdict?.source === 'correction' ? call.corrections[flag] : undefined;
          const label = t(`flags.${flag}`, { defaultValue: itemTitles[flag] ?? flag });
          return (
            <li
              key={flag}
              className={`flag ${stated ? 'stated' : 'missing'}${correction ? ' corrected' : ''}`}
              data-flag={flag}
            >
              <div className="flag-head">
                <span className="flag-icon" aria-hidden="true">
                  {stated ? '✓' : '✗'}
                </span>
                <strong>{label}</strong>
                <span className="flag-verdict">
                  {stated ? t('checklist.stated') : t('checklist.notStated')}
                </span>
                {correction ? (
                  <span className="badge corrected-badge">{t('checklist.corrected')}</span>
                ) : null}
              </div>
              <MomentList moments={moments} label={label} onPlay={onPlay} locale={i18n.language} />
              {!stated && !correction ? (
                <OpportunityList opportunities={machine?.opportunities ?? []} label={label} onPlay={onPlay} />
              ) : null}
              {correction ? (
                <CorrectionNote
                  correction={correction}
                  machineSaid={machine?.stated ? t('checklist.stated') : t('checklist.notStated')}
                />
              ) : null}
              {renderFlagActions?.(flag)}
            </li>
          );
        })}
        <DeflectionItem call={call} onPlay={onPlay} renderFlagActions={renderFlagActions} />
      </ul>
    </section>
  );
}

function DeflectionItem({ call, onPlay, renderFlagActions }: Props) {
  const { t, i18n } = useTranslation();
  const verdict = call.effective.deflection;
  const present = verdict?.stated ?? false;
  const moments = verdict?.moments ?? [];
  const correction = verdict?.source === 'correction' ? call.corrections.deflection : undefined;
  return (
    <li
      className={`flag deflection ${present ? 'present' : 'absent'}${correction ? ' corrected' : ''}`}
      data-flag="deflection"
    >
      <div className="flag-head">
        <span className="flag-icon" aria-hidden="true">
          {present ? '⚠' : '–'}
        </span>
        <strong>{t('checklist.deflection')}</strong>
        <span className="flag-verdict">
          {present ? t('checklist.deflectionPresent') : t('checklist.deflectionAbsent')}
        </span>
        {correction ? <span className="badge corrected-badge">{t('checklist.corrected')}</span> : null}
      </div>
      <MomentList
        moments={moments}
        label={t('checklist.deflection')}
        onPlay={onPlay}
        locale={i18n.language}
      />
      {correction ? (
        <CorrectionNote
          correction={correction}
          machineSaid={
            call.deflection?.present ? t('checklist.deflectionPresent') : t('checklist.deflectionAbsent')
          }
        />
      ) : null}
      {renderFlagActions?.('deflection')}
    </li>
  );
}

/** Who corrected the verdict, when and why, and what the machine had said. */
function CorrectionNote(props: { correction: CallDetail['corrections'][string]; machineSaid: string }) {
  const { t, i18n } = useTranslation();
  const { correction } = props;
  return (
    <p className="correction-note">
      {t('checklist.correctedBy', {
        name: correction.by.name,
        date: formatDateTime(correction.at, i18n.language),
      })}{' '}
      {t('firstDay.quote', { text: correction.reason })}.{' '}
      {t('checklist.machineSaid', { verdict: props.machineSaid })}
    </p>
  );
}

function MomentList({
  moments,
  label,
  onPlay,
  locale,
}: {
  moments: Moment[];
  label: string;
  onPlay: (s: number) => void;
  locale: string;
}) {
  const { t } = useTranslation();
  if (moments.length === 0) return null;
  return (
    <ul className="moments">
      {moments.map((m, i) => {
        const values = describeValues(m.values, t, locale);
        return (
          <li key={`${m.segment}-${i}`}>
            <PlayButton
              start={m.start}
              onPlay={onPlay}
              label={(time) => t('checklist.playMoment', { flag: label, time })}
            />{' '}
            {values.length ? (
              <span className="values">{values.map((v) => t('firstDay.quote', { text: v })).join(', ')}</span>
            ) : null}
            {m.quote ? <q className="quote">{m.quote}</q> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Under a red ✗: the moments where the rep should have said it, one click to the audio. */
function OpportunityList({
  opportunities,
  label,
  onPlay,
}: {
  opportunities: Opportunity[];
  label: string;
  onPlay: (s: number) => void;
}) {
  const { t } = useTranslation();
  if (opportunities.length === 0) return null;
  return (
    <div className="opportunities">
      <small className="muted">{t('checklist.opportunities')}</small>
      <ul className="moments">
        {opportunities.map((o) => (
          <li key={o.segment}>
            <PlayButton
              start={o.start}
              onPlay={onPlay}
              label={(time) => t('checklist.playOpportunity', { flag: label, time })}
            />{' '}
            <q className="quote">{o.quote}</q>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** ▶ and the moment's time: plays the audio from there; `label` names it for a screen reader. */
function PlayButton(props: { start: number; onPlay: (s: number) => void; label: (time: string) => string }) {
  const time = formatClock(props.start);
  return (
    <button
      type="button"
      className="play-moment"
      onClick={() => props.onPlay(props.start)}
      aria-label={props.label(time)}
    >
      ▶ {time}
    </button>
  );
}
