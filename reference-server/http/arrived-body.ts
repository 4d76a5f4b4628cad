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

export function arrivedBody(request: Readable, limit?: number): Readable {
  const limitNow = limit === undefined ? heldBytesShare : () => limit;
  const release = holdBytes();
  const waiting: Buffer[] = [];
  let waitingBytes = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    if (ended || failure) release();
    wake?.();
    wake = undefined;
  };
  let discarding = false;
  request.on('data', (chunk: Buffer) => {
    if (discarding) return;
    waiting.push(chunk);
    waitingBytes += chunk.length;
    if (waitingBytes >= limitNow()) request.pause();
    signal();
  });
  request.once('end', () => {
    ended = true;
    signal();
  });
  request.once('error', (error: Error) => {
    failure = error;
    signal();
  });
  request.once('close', () => {
    if (!ended) failure ??= new Error('The request ended before its body did.');
    signal();
  });
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const chunk = waiting.shift();
        if (chunk) {
          waitingBytes -= chunk.length;
          if (waitingBytes < limitNow() && !ended && failure === undefined) request.resume();
          yield chunk;
          continue;
        }
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      // A consumer that stopped early (an append refused mid-body): the rest of the body is read and dropped, so
      // that the client, still sending, reads the refusal instead of a reset connection.
      if (!ended) {
        discarding = true;
        waiting.length = 0;
        release();
        request.resume();
      }
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
