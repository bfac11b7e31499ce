/**
 * Wall-clock milliseconds per step of one call's run, logged with "call analysed" so an operator (and
 * `npm run bench:pipeline`) sees where a worker's time goes: which ffmpeg run, which store write,
 * which database round trip.
 */
export class StepTimes {
  readonly ms: Record<string, number> = {};

  async time<T>(step: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.ms[step] = (this.ms[step] ?? 0) + Math.round((performance.now() - started) * 10) / 10;
    }
  }
}
