import type { CallType, Language } from '@onterms/contracts';
import type { CallStatus } from '../database.ts';

/** A recorded negotiation, as the rest of the system sees it (mapped from the row at the repository edge). */
export interface Call {
  id: string;
  repId: string;
  repName: string;
  /** The rep's team now (a rep belongs to at most one team). */
  teamId: string | null;
  teamName: string | null;
  clientId: string | null;
  clientName: string | null;
  callType: CallType;
  recordedAt: Date;
  language: Language | null;
  status: CallStatus;
  failureReason: string | null;
  /** Stable code for the failure (the UI translates it); null unless failed. */
  failureCode: string | null;
  audio: {
    key: string;
    sha256: string;
    bytes: number;
    format: string;
    originalFilename: string | null;
    durationSec: number;
    channels: number;
    sampleRate: number | null;
  };
  repChannel: 'left' | 'right' | null;
  speechAudioKey: string | null;
  reviewAudioKey: string | null;
  peaksKey: string | null;
  transcriptUploadKey: string | null;
  transcriptSource: 'upload' | 'stt' | null;
  stt: { engine: string | null; model: string | null; audioSeconds: number | null; notes: string[] };
  uploadedBy: string;
  createdAt: Date;
  updatedAt: Date;
  analyzedAt: Date | null;
  /** When a manager marked the call reviewed (or annotated or corrected it). */
  reviewedAt: Date | null;
  reviewedBy: string | null;
}

export type { CallStatus };
