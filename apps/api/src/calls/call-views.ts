import type {
  AnalysisResult,
  CallDetail,
  CallSummary,
  EffectiveVerdict,
  FlagCorrectionView,
  Moment,
  Segment,
} from '@onterms/contracts';
import type { Call, EffectiveFlag, FlagCorrection, TranscriptHit } from '@onterms/db';

/** Maps domain objects to the API's response shapes — the only place that knows both. */
export function toCallSummary(
  call: Call,
  effective: Record<string, EffectiveFlag> | null,
  hits: TranscriptHit[] = [],
  flagAt: Record<string, number> = {},
): CallSummary {
  return {
    ...callCore(call),
    flags: effective
      ? Object.fromEntries(Object.entries(effective).map(([flag, v]) => [flag, v.stated]))
      : null,
    corrected: effective
      ? Object.entries(effective)
          .filter(([, v]) => v.source === 'correction')
          .map(([flag]) => flag)
          .sort()
      : [],
    flagAt,
    hits: hits.map((h) => ({
      segment: h.segment,
      start: h.start,
      text: h.text,
      snippet: h.text,
      ranges: h.ranges,
    })),
  };
}

function callCore(call: Call) {
  return {
    id: call.id,
    status: call.status,
    failureReason: call.failureReason,
    failureCode: call.failureCode,
    repId: call.repId,
    repName: call.repName,
    teamId: call.teamId,
    teamName: call.teamName,
    reviewedAt: call.reviewedAt?.toISOString() ?? null,
    clientId: call.clientId,
    clientName: call.clientName,
    callType: call.callType,
    recordedAt: call.recordedAt.toISOString(),
    durationSec: call.audio.durationSec,
    language: call.language,
  };
}

export function toFlagCorrectionView(c: FlagCorrection): FlagCorrectionView {
  return {
    flag: c.flag,
    stated: c.stated,
    moments: c.moments,
    reason: c.reason,
    by: c.author,
    at: c.at.toISOString(),
  };
}

export function toCallDetail(
  call: Call,
  segments: Segment[],
  analysis: AnalysisResult | null,
  corrections: FlagCorrection[],
  effective: Record<string, EffectiveFlag>,
): CallDetail {
  return {
    ...callCore(call),
    channels: call.audio.channels,
    repChannel: call.repChannel,
    originalFilename: call.audio.originalFilename,
    audioBytes: call.audio.bytes,
    audioFormat: call.audio.format,
    uploadedBy: call.uploadedBy,
    createdAt: call.createdAt.toISOString(),
    analyzedAt: call.analyzedAt?.toISOString() ?? null,
    transcriptSource: call.transcriptSource,
    engine: {
      stt: call.stt.engine,
      sttModel: call.stt.model,
      sttAudioSeconds: call.stt.audioSeconds,
      sttNotes: call.stt.notes,
      checklist: analysis?.checklist ?? null,
      rules: analysis?.engine.rules ?? null,
      llmModel: analysis?.engine.llmModel ?? null,
    },
    transcript: segments.length ? { language: call.language, segments } : null,
    flags: analysis?.flags ?? null,
    deflection: analysis?.deflection ?? null,
    corrections: Object.fromEntries(corrections.map((c) => [c.flag, toFlagCorrectionView(c)])),
    effective: Object.fromEntries(
      Object.entries(effective).map(([flag, verdict]) => [
        flag,
        effectiveVerdict(
          verdict,
          machineMoments(analysis, flag),
          corrections.find((c) => c.flag === flag),
        ),
      ]),
    ),
  };
}

function machineMoments(analysis: AnalysisResult | null, flag: string): Moment[] {
  if (!analysis) return [];
  return flag === 'deflection' ? analysis.deflection.moments : (analysis.flags[flag]?.moments ?? []);
}

/**
 * The one place that decides which moments a verdict rests on: a stated correction's own moments, or the
 * machine's when the manager pointed at none; nothing when the verdict is "not stated" (the machine
 * never has moments for an unstated flag either).
 */
function effectiveVerdict(
  verdict: EffectiveFlag,
  machine: Moment[],
  correction: FlagCorrection | undefined,
): EffectiveVerdict {
  if (!verdict.stated) return { ...verdict, moments: [] };
  const moments = correction?.moments.length ? correction.moments : machine;
  return { ...verdict, moments };
}
