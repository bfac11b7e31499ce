/**
 * The stereo rule: a recording is split into a rep side and a client side only when it has exactly two
 * channels and the rep's side is known. Two channels is what dual-channel telephony recorders write
 * (one party per side). A wider layout (5.1, 4-track conference) has no rep/client meaning for its
 * first two channels — speech often sits in the centre channel — so it is mixed down like a mono call
 * rather than cut to left/right, which would drop voices. The upload refuses `repChannel` for anything
 * else; the pipeline and the speech-to-text engines ask this same function.
 */
export function hasRepClientSides(channels: number): boolean {
  return channels === 2;
}

/** Whether to transcribe each side on its own: two sides and the rep's one known. */
export function splitsRepAndClient(call: { channels: number; repChannel: 'left' | 'right' | null }): boolean {
  return hasRepClientSides(call.channels) && call.repChannel !== null;
}
