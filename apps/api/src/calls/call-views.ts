import type { AnalysisResult, Segment } from '@onterms/contracts';
import type { Call } from '@onterms/db';
import type { CallDetail, CallSummary } from './call-schemas.ts';

/** Maps domain objects to the API's response shapes — the only place that knows both. */
export function toCallSummary(call: Call, flags: Record<string, boolean> | null): CallSummary {
  return {
    id: call.id,
    status: call.status,
    failureReason: call.failureReason,
    repId: call.repId,
    clientId: call.clientId,
    clientName: call.clientName,
    callType: call.callType,
    recordedAt: call.recordedAt.toISOString(),
    durationSec: call.audio.durationSec,
    language: call.language,
    flags,
  };
}

export function toCallDetail(call: Call, segments: Segment[], analysis: AnalysisResult | null): CallDetail {
  const { flags: _chips, ...summary } = toCallSummary(call, null);
  return {
    ...summary,
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
      checklist: analysis?.checklist ?? null,
      rules: analysis?.engine.rules ?? null,
      llmModel: analysis?.engine.llmModel ?? null,
    },
    transcript: segments.length ? { language: call.language, segments } : null,
    flags: analysis?.flags ?? null,
    deflection: analysis?.deflection ?? null,
  };
}
