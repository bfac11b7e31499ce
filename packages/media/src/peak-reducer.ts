/**
 * Streaming min/max reduction of interleaved signed 16-bit PCM into per-pixel peaks.
 * Holds only the current pixel's running min/max per channel plus the output arrays (which are
 * the result, ~duration × pixelsPerSecond × 2 numbers per channel), so memory does not depend on
 * how much audio flows through.
 */
const INT16_FULL_SCALE = 32768;
const BYTES_PER_SAMPLE = 2;
/** Three decimals is finer than an 8-bit waveform and keeps the JSON compact. */
const ROUNDING = 1000;

export interface ReducedPeaks {
  /** Number of pixels (min/max pairs) per channel. */
  length: number;
  /** Decoded samples per channel; divided by the sample rate gives the real duration. */
  samplesPerChannel: number;
  /** One array per channel: [min0, max0, min1, max1, ...], each value in -1..1. */
  peaks: number[][];
}

export class PeakReducer {
  private readonly peaks: number[][];
  private readonly min: number[];
  private readonly max: number[];
  private readonly frameBytes: number;
  /** A chunk boundary can split a sample frame; the partial frame waits here for the next chunk. */
  private carry: Buffer = Buffer.alloc(0);
  private frameIndex = 0;
  private currentPixel = 0;
  private pixelHasSamples = false;

  constructor(
    private readonly channels: number,
    private readonly sampleRate: number,
    private readonly pixelsPerSecond: number,
  ) {
    if (!Number.isInteger(channels) || channels < 1)
      throw new RangeError(`channels must be a positive integer`);
    if (!(pixelsPerSecond > 0 && pixelsPerSecond <= sampleRate)) {
      throw new RangeError(`pixelsPerSecond must be in (0, ${sampleRate}]`);
    }
    this.frameBytes = channels * BYTES_PER_SAMPLE;
    this.peaks = Array.from({ length: channels }, () => []);
    this.min = new Array<number>(channels).fill(0);
    this.max = new Array<number>(channels).fill(0);
  }

  push(chunk: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const usableBytes = data.length - (data.length % this.frameBytes);
    for (let offset = 0; offset < usableBytes; offset += this.frameBytes) {
      // Pixel boundaries are computed from the absolute sample index, so a non-integer
      // samples-per-pixel (e.g. 8000 Hz / 30 px/s) never drifts.
      const pixel = Math.floor((this.frameIndex * this.pixelsPerSecond) / this.sampleRate);
      if (pixel !== this.currentPixel) {
        this.flushPixel();
        this.currentPixel = pixel;
      }
      for (let channel = 0; channel < this.channels; channel++) {
        const value = data.readInt16LE(offset + channel * BYTES_PER_SAMPLE);
        if (!this.pixelHasSamples || value < this.min[channel]!) this.min[channel] = value;
        if (!this.pixelHasSamples || value > this.max[channel]!) this.max[channel] = value;
      }
      this.pixelHasSamples = true;
      this.frameIndex++;
    }
    this.carry = Buffer.from(data.subarray(usableBytes));
  }

  finish(): ReducedPeaks {
    this.flushPixel();
    return { length: this.peaks[0]!.length / 2, samplesPerChannel: this.frameIndex, peaks: this.peaks };
  }

  private flushPixel(): void {
    if (!this.pixelHasSamples) return;
    for (let channel = 0; channel < this.channels; channel++) {
      this.peaks[channel]!.push(toUnit(this.min[channel]!), toUnit(this.max[channel]!));
    }
    this.pixelHasSamples = false;
  }
}

function toUnit(sample: number): number {
  // `+ 0` turns -0 into 0 so JSON and equality checks stay boring.
  return Math.round((sample / INT16_FULL_SCALE) * ROUNDING) / ROUNDING + 0;
}
