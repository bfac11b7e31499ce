/** Index of the segment playing at `time` (binary search over segments sorted by start), or -1. */
export function segmentAt(segments: readonly { start: number; end: number }[], time: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Between two segments the last one started stays current, so the highlight does not flicker.
  return found;
}

/** The next moment strictly after `time` (with a small tolerance so pressing twice moves on). */
export function nextMoment(starts: readonly number[], time: number): number | null {
  for (const s of starts) if (s > time + 0.3) return s;
  return null;
}

/** The moment before the one playing: anything starting more than 1 s before `time`. */
export function previousMoment(starts: readonly number[], time: number): number | null {
  let found: number | null = null;
  for (const s of starts) if (s < time - 1) found = s;
  return found;
}
