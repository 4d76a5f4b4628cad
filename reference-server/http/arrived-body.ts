/**
 * An appended body whose bytes are taken from the request as they arrive. A request cut mid-body is destroyed by
 * the HTTP server when its connection ends, and a destroyed stream drops the bytes it still held: if the cut came
 * while the handler was still waiting for the upload's lock or opening its part file, bytes that had reached the
 * server were lost, and a resumed upload started further back than the client was right to expect. Read from the
 * moment the body is parsed, those bytes are kept and handed on first; the request's failure comes after them.
 * Reading stops (the request is paused) while `limit` bytes wait for the handler, so a slow disk still pushes back;
 * by default the limit is this body's share of the bytes all bodies under way may hold (held-bytes.ts).
 */
import { Readable } from 'node:stream';
import { heldBytesShare, holdBytes } from '../storage/held-bytes.js';
import { markChunksDetachable } from '../storage/running-digest.js';

export function arrivedBody(request: Readable, limit?: number): Readable {
  return new ArrivedBody(request, limit === undefined ? heldBytesShare : () => limit);
}

/**
 * The body as a stream that hands on the chunks kept for it when asked. A plain Readable rather than one made from
 * an async generator: that cost a generator, a promise per chunk and the glue between them for every append, all
 * kept alive while the append waited for its fsync.
 */
class ArrivedBody extends Readable {
  private readonly waiting: Buffer[] = [];
  private waitingBytes = 0;
  private ended = false;
  private failure: Error | undefined;
  /** The reader asked for more while nothing was waiting. */
  private wanted = false;
  private discarding = false;
  private readonly release = holdBytes();

  constructor(
    private readonly request: Readable,
    private readonly limitNow: () => number,
  ) {
    super();
    // Each chunk is a buffer the HTTP parser made for it, and only this body's reader sees it.
    markChunksDetachable(this);
    request.on('data', (chunk: Buffer) => {
      if (this.discarding) return;
      this.waiting.push(chunk);
      this.waitingBytes += chunk.length;
      if (this.waitingBytes >= this.limitNow()) request.pause();
      this.signal();
    });
    request.once('end', () => {
      this.ended = true;
      this.signal();
    });
    request.once('error', (error: Error) => {
      this.failure = error;
      this.signal();
    });
    request.once('close', () => {
      if (!this.ended) this.failure ??= new Error('The request ended before its body did.');
      this.signal();
    });
  }

  override _read(): void {
    this.wanted = true;
    this.handOn();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    // A reader that stopped early (an append refused mid-body): the rest of the body is read and dropped, so that
    // the client, still sending, reads the refusal instead of a reset connection.
    if (!this.ended) {
      this.discarding = true;
      this.waiting.length = 0;
      this.release();
      this.request.resume();
    }
    done(error);
  }

  private signal(): void {
    if (this.ended || this.failure) this.release();
    if (this.wanted) this.handOn();
  }

  /** The kept chunks while the reader wants them; then the end, or the failure once every kept byte is handed on. */
  private handOn(): void {
    while (this.wanted && !this.destroyed) {
      const chunk = this.waiting.shift();
      if (chunk) {
        this.waitingBytes -= chunk.length;
        if (this.waitingBytes < this.limitNow() && !this.ended && this.failure === undefined) this.request.resume();
        this.wanted = this.push(chunk);
        continue;
      }
      if (this.failure) this.destroy(this.failure);
      else if (this.ended) {
        this.wanted = false;
        this.push(null);
      }
      return;
    }
  }
}
