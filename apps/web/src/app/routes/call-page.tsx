import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage, Loading } from '../../components/error-message.tsx';
import { StatusBadge } from '../../components/flag-chips.tsx';
import { useCall } from '../../features/calls/api/get-call.ts';
import { usePeaks } from '../../features/calls/api/get-peaks.ts';
import { CallRecovery } from '../../features/call-review/components/call-recovery.tsx';
import { ChecklistPanel } from '../../features/call-review/components/checklist-panel.tsx';
import { Transcript, type SegmentMark } from '../../features/call-review/components/transcript.tsx';
import { WaveformPlayer, type WaveRegion } from '../../features/call-review/components/waveform-player.tsx';
import { PlayerStore } from '../../features/call-review/hooks/player-store.ts';
import { usePlayerKeyboard } from '../../features/call-review/hooks/use-player-keyboard.ts';
import { useAnnotations } from '../../features/coaching/api/get-annotations.ts';
import type { NoteDraft } from '../../features/coaching/components/note-form.tsx';
import { ThreadsPanel } from '../../features/coaching/components/threads-panel.tsx';
import { CorrectFlagControl } from '../../features/corrections/components/correct-flag-control.tsx';
import { PolicyFindingsPanel } from '../../features/credit-policy/components/policy-findings-panel.tsx';
import { useChecklistItemTitles } from '../../features/credit-policy/api/checklists.ts';
import { ReviewButton } from '../../features/corrections/components/review-button.tsx';
import { formatDateTime, formatDuration, parseMoment } from '../../lib/format.ts';
import { nextMoment, previousMoment, segmentAt } from '../../lib/segments.ts';
import type { CallDetail, Moment } from '@onterms/contracts';
import { FLAG_IDS } from '../../lib/flags.ts';
import { neighbours } from './call-order.ts';
import { useSession } from './use-session.ts';

/** The call page (lazy-loaded route): header, checklist and threads on the left; player and transcript on the right. */
export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const call = useCall(id);
  if (call.isPending) return <Loading label={t('call.loading')} />;
  if (call.isError) {
    return (
      <div className="page">
        <ErrorMessage error={call.error} notFound={t('call.notFound')} onRetry={() => void call.refetch()} />
        <Link to="/calls">{t('nav.backToList')}</Link>
      </div>
    );
  }
  return <CallPage key={id} call={call.data} />;
}

/** Moments the verdict rests on, as the server decided them (a manager's correction wins). */
function effectiveMoments(call: CallDetail, flag: string): Moment[] {
  return call.effective[flag]?.moments ?? [];
}

function CallPage({ call }: { call: CallDetail }) {
  const { t, i18n } = useTranslation();
  const { user, workspace } = useSession();
  const [search] = useSearchParams();
  const [player] = useState(() => new PlayerStore());
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  const [help, setHelp] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const processing = call.status === 'queued' || call.status === 'processing';
  const peaks = usePeaks(call.id, !processing);
  const annotations = useAnnotations(call.id);
  const itemTitles = useChecklistItemTitles(call.callType);
  const segments = call.transcript?.segments ?? [];
  const isManager = user.role === 'manager';
  const isCallRep = user.role === 'rep' && user.id === call.repId;
  const nav = neighbours(call.id);

  // Deep link ?t=81.5: open the call at that moment, playing when the browser allows it.
  const startAt = parseMoment(search.get('t'));
  const seekedTo = useRef(false);
  useEffect(() => {
    if (seekedTo.current || !Number.isFinite(startAt) || startAt <= 0) return;
    seekedTo.current = true;
    player.playFrom(startAt);
  }, [player, startAt]);

  const momentStarts = useMemo(() => {
    const starts = new Set<number>();
    for (const flag of Object.keys(call.flags ?? {}))
      for (const m of effectiveMoments(call, flag)) starts.add(m.start);
    for (const m of effectiveMoments(call, 'deflection')) starts.add(m.start);
    return [...starts].sort((a, b) => a - b);
  }, [call]);

  const regions = useMemo<WaveRegion[]>(() => {
    const out: WaveRegion[] = [];
    for (const flag of Object.keys(call.flags ?? {})) {
      effectiveMoments(call, flag).forEach((m, i) =>
        out.push({
          id: `${flag}-${i}`,
          start: m.start,
          end: m.end,
          kind: 'moment',
          label: t(`flagsShort.${flag}`, { defaultValue: flag }),
        }),
      );
    }
    effectiveMoments(call, 'deflection').forEach((m, i) =>
      out.push({ id: `deflection-${i}`, start: m.start, end: m.end, kind: 'deflection', label: '⚠' }),
    );
    for (const th of annotations.data?.threads ?? []) {
      out.push({
        id: `note-${th.id}`,
        start: th.start,
        end: th.end ?? th.start + 1,
        kind: 'annotation',
        label: '✎',
      });
    }
    return out;
  }, [call, annotations.data, t]);

  const marks = useMemo(() => {
    const map = new Map<number, SegmentMark[]>();
    const add = (i: number, mark: SegmentMark) => map.set(i, [...(map.get(i) ?? []), mark]);
    for (const flag of Object.keys(call.flags ?? {}))
      for (const m of effectiveMoments(call, flag)) add(m.segment, 'moment');
    for (const m of effectiveMoments(call, 'deflection')) add(m.segment, 'deflection');
    for (const th of annotations.data?.threads ?? [])
      if (th.segment !== null && th.segment !== undefined) add(th.segment, 'note');
    return map;
  }, [call, annotations.data]);

  const noteAtCurrentTime = useCallback(() => {
    if (!isManager) return;
    const time = player.getTime();
    const i = segmentAt(segments, time);
    setDraft({ start: Math.round(time * 10) / 10, ...(i >= 0 && { segment: i }) });
  }, [isManager, player, segments]);

  usePlayerKeyboard({
    togglePlay: () => player.toggle(),
    seekBy: (s) => player.seekBy(s),
    nextMoment: () => {
      const to = nextMoment(momentStarts, player.getTime());
      if (to !== null) player.seek(to);
    },
    previousMoment: () => {
      const to = previousMoment(momentStarts, player.getTime());
      if (to !== null) player.seek(to);
    },
    ...(isManager && { newNote: noteAtCurrentTime }),
    toggleHelp: () => setHelp((h) => !h),
  });

  const copyLink = useCallback(() => {
    const url = `${window.location.origin}/calls/${call.id}?t=${player.getTime().toFixed(1)}`;
    const done = () => setCopied(url);
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, done);
    else done();
  }, [call.id, player]);

  // A flag correction waiting for a line from the transcript, and the lines picked so far, per flag.
  const [picking, setPicking] = useState<string | null>(null);
  const [picked, setPicked] = useState<Record<string, number>>({});
  const flagLabel = (flag: string) =>
    flag === 'deflection' ? t('checklist.deflection') : t(`flags.${flag}`);
  const pickedLineOf = (flag: string) => {
    const index = picked[flag];
    const line = index === undefined ? undefined : segments[index];
    return line && index !== undefined ? { index, start: line.start, text: line.text } : null;
  };

  const currentSegment = useCallback(() => {
    const i = segmentAt(segments, player.getTime());
    return i >= 0 ? { index: i, start: segments[i]!.start } : null;
  }, [player, segments]);

  const duration = call.durationSec || peaks.data?.durationSec || 0;

  return (
    <div className="call-page">
      <header className="call-header">
        <div>
          <h1>
            <span className="truncate" title={call.clientName ?? ''}>
              {call.clientName ?? t('list.noClient')}
            </span>{' '}
            <StatusBadge status={call.status} />
          </h1>
          <p className="meta-line">
            {call.repName ?? ''}
            {call.teamName ? ` (${call.teamName})` : ''} · {formatDateTime(call.recordedAt, i18n.language)} ·{' '}
            {formatDuration(duration, i18n.language)} ·{' '}
            {t(`callType.${call.callType}`, { defaultValue: call.callType })} · {t('call.engine')}:{' '}
            {[
              call.transcriptSource === 'upload'
                ? t('call.uploadedTranscript')
                : [call.engine.stt, call.engine.sttModel].filter(Boolean).join(' / '),
              call.transcriptSource === 'stt' && call.engine.sttAudioSeconds !== null
                ? t('call.sttAudio', { duration: formatDuration(call.engine.sttAudioSeconds, i18n.language) })
                : null,
              call.engine.llmModel,
            ]
              .filter(Boolean)
              .join(', ') || '—'}
          </p>
          {call.engine.sttNotes?.length ? (
            <details className="meta-line">
              <summary>{t('call.sttNotes')}</summary>
              <ul>
                {call.engine.sttNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
        <div className="row">
          {isManager ? <ReviewButton callId={call.id} reviewedAt={call.reviewedAt} /> : null}
          <button type="button" onClick={() => setHelp((h) => !h)} aria-expanded={help} aria-keyshortcuts="?">
            {t('call.keys')}
          </button>
          {nav.previous ? (
            <Link to={`/calls/${nav.previous}`} className="button-like" aria-label={t('call.previousCall')}>
              ◀ {t('call.previous')}
            </Link>
          ) : null}
          {nav.next ? (
            <Link to={`/calls/${nav.next}`} className="button-like" aria-label={t('call.nextCall')}>
              {t('call.next')} ▶
            </Link>
          ) : null}
        </div>
      </header>
      {help ? <KeyHelp isManager={isManager} onClose={() => setHelp(false)} /> : null}
      {copied ? (
        <p role="status" className="small copied">
          {t('call.linkCopied')} <code>{copied}</code>
        </p>
      ) : null}
      {call.status === 'failed' || call.status === 'waiting' ? (
        <CallRecovery
          callId={call.id}
          status={call.status}
          failureCode={call.failureCode}
          failureReason={call.failureReason}
          speechToText={workspace?.speechToText ?? false}
          canAct={isManager || isCallRep}
        />
      ) : null}
      <div className="call-grid">
        <aside className="call-side">
          <ChecklistPanel
            call={call}
            itemTitles={itemTitles}
            onPlay={(s) => player.playFrom(s)}
            renderFlagActions={
              isManager && call.flags
                ? (flag) =>
                    [...FLAG_IDS, 'deflection'].includes(flag) ? (
                      <CorrectFlagControl
                        callId={call.id}
                        flag={flag}
                        flagLabel={flagLabel(flag)}
                        stated={call.effective[flag]?.stated ?? false}
                        corrected={call.effective[flag]?.source === 'correction'}
                        currentSegment={currentSegment}
                        pickedLine={pickedLineOf(flag)}
                        picking={picking === flag}
                        {...(segments.length > 0 && { onPickLine: () => setPicking(flag) })}
                        hasMachineMoments={
                          ((flag === 'deflection' ? call.deflection?.moments : call.flags?.[flag]?.moments)
                            ?.length ?? 0) > 0
                        }
                      />
                    ) : null
                : undefined
            }
          />
          {call.status === 'analyzed' ? (
            <PolicyFindingsPanel callId={call.id} onPlay={(s) => player.playFrom(s)} />
          ) : null}
          <ThreadsPanel
            callId={call.id}
            canAnnotate={isManager}
            canReply={isManager || isCallRep}
            isCallRep={isCallRep}
            draft={draft}
            onDraftDone={() => setDraft(null)}
            onNewNote={noteAtCurrentTime}
            onSeek={(s) => player.playFrom(s)}
          />
        </aside>
        <div className="call-main">
          {peaks.isError ? <ErrorMessage error={peaks.error} /> : null}
          {processing || peaks.isPending ? (
            <p className="waveform waveform-missing" role="status">
              {processing ? t('call.processing') : t('call.loadingWaveform')}
            </p>
          ) : (
            <WaveformPlayer
              audioUrl={`/api/calls/${call.id}/audio`}
              peaks={peaks.data ?? null}
              durationSec={duration}
              player={player}
              regions={regions}
              onCopyLink={copyLink}
              {...(isManager && {
                onSelectRange: (start: number, end: number) =>
                  setDraft({ start: Math.round(start * 10) / 10, end: Math.round(end * 10) / 10 }),
              })}
            />
          )}
          {call.transcript ? (
            <Transcript
              segments={segments}
              player={player}
              marks={marks}
              pick={
                picking
                  ? {
                      flagLabel: flagLabel(picking),
                      onPick: (i: number) => {
                        setPicked((p) => ({ ...p, [picking]: i }));
                        setPicking(null);
                      },
                      onCancel: () => setPicking(null),
                    }
                  : null
              }
              {...(isManager && {
                onAddNote: (i: number) =>
                  setDraft({ start: segments[i]!.start, end: segments[i]!.end, segment: i }),
              })}
            />
          ) : (
            <p className="muted">{processing ? t('call.transcriptPending') : t('transcript.empty')}</p>
          )}
        </div>
      </div>
    </div>
  );
}

function KeyHelp({ isManager, onClose }: { isManager: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const keys: [string, string][] = [
    [t('keys.space'), t('keys.playPause')],
    ['← / →', t('keys.seek')],
    ['J', t('keys.next')],
    ['K', t('keys.previous')],
    ...(isManager ? ([['N', t('keys.note')]] as [string, string][]) : []),
    ['?', t('keys.help')],
  ];
  return (
    <section className="key-help" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('call.keys')}</h2>
      <dl>
        {keys.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="small muted">{t('keys.deepLink')}</p>
      <button type="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </section>
  );
}
