import { MediaError } from '@onterms/media';
import { TranscriptionError } from '@onterms/transcription/engine';
import { describe, expect, it } from 'vitest';
import { PermanentError } from './errors.ts';
import { gaveUpFailure, outageKind, permanentFailure } from './failures.ts';

describe('why a call failed', () => {
  it('blames the recording only for a verdict on its bytes', () => {
    expect(permanentFailure(new MediaError('corrupt', 'x'))?.code).toBe('audio_damaged');
    expect(permanentFailure(new MediaError('not_audio', 'x'))?.code).toBe('not_audio');
    expect(permanentFailure(new MediaError('tools_broken', 'x'))).toBeNull();
    expect(permanentFailure(new MediaError('failed', 'x'))).toBeNull();
    expect(permanentFailure(new MediaError('timeout', 'x'))).toBeNull();
  });

  it('keeps our own words for a transcript the parser refused, never a service’s', () => {
    expect(
      permanentFailure(
        new PermanentError('transcript_invalid', 'The uploaded transcript cannot be read: /segments/0/start'),
      ),
    ).toEqual({
      code: 'transcript_invalid',
      reason: 'The uploaded transcript cannot be read: /segments/0/start',
    });
    const refused = permanentFailure(new TranscriptionError('400: /srv/models/x.bin: bad input', true));
    expect(refused?.code).toBe('stt_rejected');
    expect(refused?.reason).not.toMatch(/srv|400/);
  });

  it('names the dependency that was down through every attempt', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(gaveUpFailure(refused).code).toBe('database_unavailable');
    expect(gaveUpFailure(Object.assign(new Error('terminating connection'), { code: '57P01' })).code).toBe(
      'database_unavailable',
    );
    expect(gaveUpFailure(Object.assign(new Error('no space'), { code: 'ENOSPC' })).code).toBe(
      'storage_unavailable',
    );
    expect(gaveUpFailure(new MediaError('tools_broken', 'x')).code).toBe('media_tools_broken');
    expect(gaveUpFailure(new TranscriptionError('down', false)).code).toBe('stt_unavailable');
    expect(gaveUpFailure(new Error('something else')).code).toBe('processing_failed');
    expect(gaveUpFailure(new Error('x')).reason).not.toMatch(/something else/);
  });

  it('finds the outage in a wrapped cause', () => {
    const cause = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(outageKind(new Error('write failed', { cause }))).toBe('storage');
    expect(outageKind(new Error('plain'))).toBeNull();
  });
});
