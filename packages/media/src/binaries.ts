import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffprobeInstaller from '@ffprobe-installer/ffprobe';
import ffmpeg from 'fluent-ffmpeg';

export interface BinaryPaths {
  ffmpegPath: string;
  ffprobePath: string;
}

/** The static binaries shipped inside the installer npm packages. */
export const DEFAULT_BINARY_PATHS: BinaryPaths = {
  ffmpegPath: ffmpegInstaller.path,
  ffprobePath: ffprobeInstaller.path,
};

let configured: BinaryPaths | undefined;

/**
 * fluent-ffmpeg keeps the binary paths (and its capability caches) in module-global state, not per
 * command. Two media instances with different binaries in one process would silently race, so we
 * allow exactly one configuration per process and fail loudly on a conflicting second one.
 * Setting the paths also stops fluent-ffmpeg from consulting FFMPEG_PATH/FFPROBE_PATH itself.
 */
export function configureBinaries(paths: BinaryPaths): void {
  if (configured) {
    if (configured.ffmpegPath === paths.ffmpegPath && configured.ffprobePath === paths.ffprobePath) return;
    throw new Error(
      `@onterms/media is already configured with ffmpeg=${configured.ffmpegPath} ffprobe=${configured.ffprobePath}; ` +
        'one process can only use one pair of binaries',
    );
  }
  ffmpeg.setFfmpegPath(paths.ffmpegPath);
  ffmpeg.setFfprobePath(paths.ffprobePath);
  configured = { ...paths };
}
