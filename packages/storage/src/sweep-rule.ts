import type { SweepOptions, SweepResult } from './blob-store.ts';
import { isValidKey } from './keys.ts';

/** A sweep under way, in either store: what it has done so far and its grace period's end. */
export class Sweep {
  /** Things untouched since before this (ms since the epoch) count as garbage. */
  readonly cutoff: number;
  readonly result: SweepResult = { tempFilesRemoved: 0, unreferencedBlobsRemoved: 0, blobsKept: 0 };

  constructor(private readonly options: SweepOptions) {
    this.cutoff = Date.now() - options.olderThanMs;
  }

  /**
   * The rule for a committed blob: a name that could not be a key is not ours and is left alone; a blob
   * committed within the grace period (its DB insert may be on its way) or referenced by a row is kept;
   * any other is removed.
   */
  async blob(
    key: string,
    modified: () => Promise<number | null>,
    remove: () => Promise<unknown>,
  ): Promise<void> {
    if (!isValidKey(key)) return;
    const modifiedMs = await modified();
    if (modifiedMs === null) return; // deleted meanwhile
    if (modifiedMs >= this.cutoff || (await this.options.isReferenced(key))) {
      this.result.blobsKept++;
      return;
    }
    await remove();
    this.result.unreferencedBlobsRemoved++;
  }
}
