/**
 * Where the server's ids, keys, secrets and codes get their randomness: the operating system's, or, for a server
 * started with the frozen conformance clock, a stream derived from a fixed seed, so that a kit's run against it
 * replays byte for byte (the same TOTP secret gives the same codes, the same ids name the same things). That server
 * is for conformance testing only; its secrets are predictable by design. The stream is this thread's: the kit runs
 * each reference server on a thread of its own (conformance/targets/server-thread.ts).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

interface Source {
  bytes(n: number): Buffer;
  below(n: number): number;
}

const system: Source = { bytes: (n) => randomBytes(n), below: (n) => randomInt(n) };

/** SHA-256 of the seed and a counter, block after block: deterministic, evenly spread, and plenty for test ids. */
function seeded(seed: string): Source {
  let counter = 0;
  const bytes = (n: number): Buffer => {
    const blocks: Buffer[] = [];
    for (let have = 0; have < n; have += 32) blocks.push(createHash('sha256').update(`${seed}:${counter++}`).digest());
    return Buffer.concat(blocks).subarray(0, n);
  };
  // 48 bits drawn, and the few values past the last whole multiple of n redrawn, so no value is favoured.
  const below = (n: number): number => {
    const limit = 2 ** 48 - (2 ** 48 % n);
    for (;;) {
      const value = bytes(6).readUIntBE(0, 6);
      if (value < limit) return value % n;
    }
  };
  return { bytes, below };
}

let source = system;

/** Switches this thread's server randomness to the stream of `seed` (from its start), or back to the system's. */
export function useRandomness(seed: string | undefined): void {
  source = seed === undefined ? system : seeded(seed);
}

export function randomBytesOf(n: number): Buffer {
  return source.bytes(n);
}

/** A whole number from 0 to n - 1. */
export function randomBelow(n: number): number {
  return source.below(n);
}
