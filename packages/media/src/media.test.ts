import { describe, expect, it } from 'vitest';
import { DEFAULT_BINARY_PATHS } from './binaries.ts';
import { createMedia } from './media.ts';

describe('createMedia', () => {
  it('can be created repeatedly with the same binaries', () => {
    createMedia();
    expect(() => createMedia({ ffmpegPath: DEFAULT_BINARY_PATHS.ffmpegPath })).not.toThrow();
  });

  it('refuses a second, different pair of binaries (fluent-ffmpeg keeps them process-wide)', () => {
    createMedia();
    expect(() => createMedia({ ffmpegPath: '/opt/other/ffmpeg' })).toThrow(/already configured/);
  });
});
