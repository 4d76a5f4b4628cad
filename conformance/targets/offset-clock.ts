/**
 * A wall clock that can be moved forward, for checks of lifetimes and expiries. The offset lives in shared memory,
 * so a server running on another thread reads the same time as the checks that move it.
 */
export class OffsetClock {
  readonly buffer: SharedArrayBuffer;
  private readonly offset: Float64Array;

  constructor(buffer = new SharedArrayBuffer(8)) {
    this.buffer = buffer;
    this.offset = new Float64Array(buffer);
  }

  now(): number {
    return Date.now() + (this.offset[0] as number);
  }

  async advance(ms: number): Promise<void> {
    this.offset[0] = (this.offset[0] as number) + ms;
  }
}
