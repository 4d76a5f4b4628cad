/**
 * An append's body into its writer as stream.pipeline joins them: every byte in order under backpressure, and a
 * failure of either side destroys both and is the one answered, once.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PREMATURE_CLOSE, pumpInto } from '../../../reference-server/storage/body-pump.js';

const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(16 * 1024, i));

/** A slow writer (one chunk per tick, a small buffer) that keeps what it took, or fails at its n-th chunk. */
function collector(failAt?: number): Writable & { taken: Buffer[] } {
  const taken: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      if (taken.length === failAt) return setImmediate(() => done(new Error('the disk is full')));
      taken.push(chunk);
      setImmediate(done);
    },
  });
  return Object.assign(out, { taken });
}

describe('pumpInto', () => {
  it('hands every chunk on in order, holding the body while the writer is behind', async () => {
    const body = Readable.from(chunks, { objectMode: false });
    const out = collector();
    let paused = 0;
    body.on('pause', () => (paused += 1));
    await pumpInto(body, out);
    expect(Buffer.concat(out.taken).equals(Buffer.concat(chunks))).toBe(true);
    expect(paused).toBeGreaterThan(0);
  });

  it("answers the body's error and destroys the writer", async () => {
    async function* failing() {
      for (const chunk of chunks.slice(0, 5)) yield chunk;
      throw new Error('the client went away');
    }
    const out = collector();
    await expect(pumpInto(Readable.from(failing(), { objectMode: false }), out)).rejects.toThrow(
      'the client went away',
    );
    expect(out.destroyed).toBe(true);
  });

  it("answers the writer's error and destroys the body", async () => {
    const body = Readable.from(chunks, { objectMode: false });
    const out = collector(3);
    await expect(pumpInto(body, out)).rejects.toThrow('the disk is full');
    expect(body.destroyed).toBe(true);
    expect(out.taken).toHaveLength(3);
  });

  it('fails a body that closes before its end without an error, as pipeline does', async () => {
    const body = new Readable({ read() {} });
    body.push(chunks[0]);
    const pumped = pumpInto(body, collector());
    setImmediate(() => body.destroy());
    await expect(pumped).rejects.toMatchObject({ code: PREMATURE_CLOSE });
  });

  it('fails at once on a body destroyed before the pump started', async () => {
    const body = new Readable({ read() {} });
    body.destroy();
    await new Promise(setImmediate);
    await expect(pumpInto(body, collector())).rejects.toMatchObject({ code: PREMATURE_CLOSE });
  });
});
