import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { formatClock } from '../../../lib/format.ts';
import { useCorrectFlag } from '../api/correct-flag.ts';
import { useRemoveCorrection } from '../api/remove-correction.ts';

interface Props {
  callId: string;
  flag: string;
  flagLabel: string;
  /** The verdict now shown (machine or correction). */
  stated: boolean;
  corrected: boolean;
  /** The transcript line playing now, to set as the moment; null before playback. */
  currentSegment: () => { index: number; start: number } | null;
  /** The line the manager picked in the transcript for this flag (null: none yet). */
  pickedLine?: { index: number; start: number; text: string } | null;
  /** Whether the transcript is waiting for a click on a line for this flag. */
  picking?: boolean;
  /** Asks the page to let the manager pick a line in the transcript (absent: no transcript to pick from). */
  onPickLine?: () => void;
  /** The machine found moments for this flag: "as the machine found" can keep them. */
  hasMachineMoments?: boolean;
}

/**
 * A manager marks a flag stated / not stated with a reason, optionally pointing at the line where it
 * was said (the line playing now, or a line picked by clicking it in the transcript); or goes back to
 * the machine's verdict.
 */
export function CorrectFlagControl({
  callId,
  flag,
  flagLabel,
  stated,
  corrected,
  currentSegment,
  pickedLine = null,
  picking = false,
  onPickLine,
  hasMachineMoments = true,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [nextStated, setNextStated] = useState(!stated);
  const [momentMode, setMomentMode] = useState<'keep' | 'current' | 'picked'>(
    hasMachineMoments ? 'keep' : 'current',
  );
  const pickedRadio = useRef<HTMLInputElement>(null);
  // a line picked in the transcript becomes the moment, and focus comes back to say so
  const pickedIndex = pickedLine?.index ?? null;
  useEffect(() => {
    if (pickedIndex === null) return;
    setMomentMode('picked');
    pickedRadio.current?.focus();
  }, [pickedIndex]);
  const [reason, setReason] = useState('');
  const correct = useCorrectFlag(callId);
  const remove = useRemoveCorrection(callId);
  const current = open ? currentSegment() : null;
  const chosenSegment =
    momentMode === 'current' && current
      ? current.index
      : momentMode === 'picked' && pickedLine
        ? pickedLine.index
        : null;
  // "Stated" needs a moment to play: the machine's, or a line the manager points at.
  const needsMoment = nextStated && chosenSegment === null && !(momentMode === 'keep' && hasMachineMoments);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim() || needsMoment) return;
    const segment = chosenSegment;
    correct.mutate(
      {
        flag,
        stated: nextStated,
        reason: reason.trim(),
        ...(nextStated && segment !== null && { moments: [{ segment }] }),
      },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
        },
      },
    );
  };

  if (!open) {
    return (
      <div className="row correction-actions">
        <button
          type="button"
          className="small-button"
          onClick={() => {
            setNextStated(!stated);
            setOpen(true);
          }}
          aria-label={t('corrections.correctFlag', { flag: flagLabel })}
        >
          {t('corrections.correct')}
        </button>
        {corrected ? (
          <button
            type="button"
            className="small-button"
            onClick={() => remove.mutate(flag)}
            disabled={remove.isPending}
            aria-label={t('corrections.undoFlag', { flag: flagLabel })}
          >
            {t('corrections.undo')}
          </button>
        ) : null}
        {remove.isError ? (
          <ErrorMessage error={remove.error} notFound={t('corrections.unavailable')} />
        ) : null}
      </div>
    );
  }

  return (
    <form
      className="correction-form"
      onSubmit={submit}
      aria-label={t('corrections.correctFlag', { flag: flagLabel })}
    >
      <fieldset>
        <legend>{t('corrections.verdict')}</legend>
        <InlineRadio name={`${id}-stated`} checked={nextStated} onChange={() => setNextStated(true)}>
          ✓ {t('checklist.stated')}
        </InlineRadio>
        <InlineRadio name={`${id}-stated`} checked={!nextStated} onChange={() => setNextStated(false)}>
          ✗ {t('checklist.notStated')}
        </InlineRadio>
      </fieldset>
      {nextStated ? (
        <fieldset>
          <legend>{t('corrections.moment')}</legend>
          {hasMachineMoments ? (
            <InlineRadio
              name={`${id}-moment`}
              checked={momentMode === 'keep'}
              onChange={() => setMomentMode('keep')}
            >
              {t('corrections.keepMoments')}
            </InlineRadio>
          ) : null}
          <InlineRadio
            name={`${id}-moment`}
            checked={momentMode === 'current'}
            onChange={() => setMomentMode('current')}
            disabled={!current}
          >
            {current
              ? t('corrections.currentLine', { line: current.index + 1, time: formatClock(current.start) })
              : t('corrections.noCurrentLine')}
          </InlineRadio>
          {pickedLine ? (
            <InlineRadio
              inputRef={pickedRadio}
              name={`${id}-moment`}
              checked={momentMode === 'picked'}
              onChange={() => setMomentMode('picked')}
            >
              {t('corrections.pickedLine', {
                line: pickedLine.index + 1,
                time: formatClock(pickedLine.start),
                text: pickedLine.text.length > 60 ? `${pickedLine.text.slice(0, 60)}…` : pickedLine.text,
              })}
            </InlineRadio>
          ) : null}
          {onPickLine ? (
            <button
              type="button"
              className="small-button"
              onClick={onPickLine}
              aria-pressed={picking}
              disabled={picking}
            >
              {picking
                ? t('corrections.pickingLine')
                : pickedLine
                  ? t('corrections.pickAnotherLine')
                  : t('corrections.pickLine')}
            </button>
          ) : null}
        </fieldset>
      ) : null}
      {needsMoment ? (
        <p className="small warning" role="status">
          {t('firstDay.pickLine')}
        </p>
      ) : null}
      <label>
        {t('corrections.reason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
      </label>
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={correct.isPending || !reason.trim() || needsMoment}
        >
          {t('corrections.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {correct.isError ? (
        <ErrorMessage error={correct.error} notFound={t('corrections.unavailable')} />
      ) : null}
    </form>
  );
}

/** A radio button with its words after it, on one line. */
function InlineRadio(props: {
  name: string;
  checked: boolean;
  onChange: () => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  children: ReactNode;
}) {
  return (
    <label className="inline">
      <input
        ref={props.inputRef}
        type="radio"
        name={props.name}
        checked={props.checked}
        onChange={props.onChange}
        disabled={props.disabled}
      />{' '}
      {props.children}
    </label>
  );
}
