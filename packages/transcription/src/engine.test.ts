import { describe, expect, it } from 'vitest';
import { TranscriptionError } from './engine.ts';

describe('TranscriptionError', () => {
  it('carries a plain-language message, whether a retry can help, and the cause', () => {
    const cause = new Error('HTTP 400: audio too short');
    const error = new TranscriptionError('The recording is too short to transcribe.', true, { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TranscriptionError');
    expect(error.message).toBe('The recording is too short to transcribe.');
    expect(error.permanent).toBe(true);
    expect(error.cause).toBe(cause);
    expect(new TranscriptionError('The service is busy.', false).permanent).toBe(false);
  });
});
