import type { AnalysisResult, Segment } from '@onterms/contracts';
import type { Call, EffectiveFlag, FlagCorrection, TranscriptHit } from '@onterms/db';
import type { CallDetail, CallSummary, FlagCorrectionView } from './call-schemas.ts';

/** Maps domain objects to the API's response shapes — the only place that knows both. */
export function toCallSummary(
  call: Call,
  effective: Record<string, EffectiveFlag> | null,
  hits: TranscriptHit[] = [],
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
    effective,
  };
}
