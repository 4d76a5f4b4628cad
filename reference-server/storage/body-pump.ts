/**
 * A request body's bytes into the stream that writes them, as `stream.pipeline` would join the two: the body's
 * backpressure holds, a failure of either side destroys both, and the first error is the one answered. It is
 * lighter than `pipeline` for the one pair an append has: no AbortSignal and no end-of-stream watchers on both
 * streams. Those lived on with the request until its fsync was done, and so outlasted young-generation GCs: they were
 * most of what an append promoted to the server's old generation, and appends were the most of any request.
 */
import type { Readable, Writable } from 'node:stream';

export function pumpInto(body: Readable, out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      body.unpipe(out);
      body.destroy();
      out.destroy();
      reject(error);
    };
    const cut = (stream: Readable | Writable) => () => {
      // A stream closed before its end without an error: the bytes stopped short all the same.
      if (!settled) fail(stream.errored ?? Object.assign(new Error('Premature close'), { code: PREMATURE_CLOSE }));
    };
    // Kept for good: an error after the end must find a listener, not end the thread.
    body.on('error', fail);
    out.on('error', fail);
    body.once('close', () => {
      if (!body.readableEnded) cut(body)();
    });
    out.once('close', cut(out));
    out.once('finish', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    if (body.destroyed) {
      cut(body)();
      return;
    }
    body.pipe(out);
  });
}

/** The code `stream.pipeline` gives a stream that closed before its end. */
export const PREMATURE_CLOSE = 'ERR_STREAM_PREMATURE_CLOSE';
