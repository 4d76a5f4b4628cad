/**
 * Where the server's ids, keys, secrets and codes get their randomness: the operating system's, or, for a server
 * started with the frozen conformance clock, streams derived from a fixed seed, so that a kit's run against it
 * replays byte for byte (the same TOTP secret gives the same codes, the same ids name the same things). That server
 * is for conformance testing only; its secrets are predictable by design. The streams are each server's own: a
 * server's start runs within them (`withRandomness`), and everything it opens (its sockets, so every request, and
 * every timer) inherits them through the async context, so that servers sharing a thread (the kit runs several on
 * one, conformance/targets/server-thread.ts) each draw what they would draw alone.
 *
 * A draw outside every server's async context (a timer or a callback that escaped it) takes nothing from any server:
 * it gets what this thread was told to give such draws (`useRandomness`: the system's by default, or a seed's), or,
 * on a thread that runs only servers (the kit's), an error, since there it can only be a context lost on the way,
 * which would silently break a seed's replay.
 *
 * A server without a seed, started outside every server's context on a thread whose draws outside every server get
 * the system's, is started outside the async context too: there it draws exactly what it would draw within its own,
 * and no AsyncLocalStorage becomes active for it. On Node 20 an active one hooks every promise and async resource of
 * its thread, about 3% of such a server's CPU per request (`mbsc serve`, bench:load, bench:server). Such a thread's
 * draws outside every server then stay the system's: telling it otherwise throws.
 *
 * A request that names a randomness key (the conformance header, spec/protocol/conformance-clock.ts) draws from the
 * stream of that key, from its start the first time the key is seen: the kit names one key per generated case, so a
 * case draws the same values whether it runs among hundreds (its cells sharing the server in any order) or alone in
 * a replay. Requests without a key, and the server's own work, draw from the server's stream.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes, randomInt } from 'node:crypto';

interface Source {
  bytes(n: number): Buffer;
  below(n: number): number;
}

/**
 * The operating system's randomness, drawn a page at a time: a request makes a few ids of 12 to 32 bytes, and one
 * call to the generator per id cost more than the id. Each caller gets a copy of its bytes, never the page itself.
 */
function systemSource(): Source {
  const PAGE = 4096;
  let page = Buffer.alloc(0);
  let used = 0;
  const bytes = (n: number): Buffer => {
    if (n > PAGE / 8) return randomBytes(n);
    if (used + n > page.length) {
      page = randomBytes(PAGE);
      used = 0;
    }
    used += n;
    return Buffer.from(page.subarray(used - n, used));
  };
  return { bytes, below: (n) => randomInt(n) };
}

const system = systemSource();

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

/**
 * Keyed streams kept at most: a key serves one case, done long before this many others began. The least recently
 * drawn goes first, so a cell's own key, drawn from between its cases, stays.
 */
const KEPT_STREAMS = 10_000;
/** Keys whose streams were dropped, remembered at most (about 100 bytes each: 20 MB at most). */
const REMEMBERED_DROPS = 200_000;

/** One server's randomness: its seed, if any, its own stream, and the streams of the keys its requests named. */
interface ServerRandomness {
  readonly seed: string | undefined;
  readonly source: Source;
  readonly keyed: Map<string, Source>;
  /**
   * How many times each dropped key's stream has been started. A key seen again after its stream was dropped (a
   * second run of one seed against a server that stays up) draws on from a stream of its own, not from its start
   * again: the same ids a second time would be refused by what holds the first ones.
   */
  readonly dropped: Map<string, number>;
}

/**
 * What a draw reads: the randomness of the server whose work is running (none: a request reached outside every
 * server's context), and the request's key, if any.
 */
interface Drawing {
  readonly server: ServerRandomness | undefined;
  readonly key: string | undefined;
}

const randomnessOf = (seed: string | undefined): ServerRandomness => ({
  seed,
  source: seed === undefined ? system : seeded(seed),
  keyed: new Map(),
  dropped: new Map(),
});

/** What draws made outside every server's async context get on this thread: never a server's own streams. */
let outside: ServerRandomness | 'refused' = randomnessOf(undefined);
const drawing = new AsyncLocalStorage<Drawing>();

/** Whether a server without a seed draws on this thread as draws outside every server do (see above). */
let unseededOutside = false;

function keepOutsideDrawsTheSystems(change: string): void {
  if (!unseededOutside) return;
  throw new Error(
    `${change}: a server without a seed on this thread draws as draws outside every server do, and would no longer ` +
      "draw the system's randomness",
  );
}

/** Gives draws made outside every server's context on this thread the streams of `seed`, or the system's. */
export function useRandomness(newSeed: string | undefined): void {
  if (newSeed !== undefined) keepOutsideDrawsTheSystems('a seed for draws outside every server');
  outside = randomnessOf(newSeed);
}

/** Makes a draw outside every server's context on this thread, one that runs only servers, throw (see above). */
export function refuseRandomnessOutsideServers(): void {
  keepOutsideDrawsTheSystems('refusing draws outside every server');
  outside = 'refused';
}

/**
 * Runs `body` (a server's start) with randomness of its own: the streams of `seed` from their start, or the
 * system's. What `body` opens keeps drawing from them after it returns.
 */
export function withRandomness<T>(seed: string | undefined, body: () => T): T {
  if (seed === undefined && outside !== 'refused' && outside.seed === undefined && drawing.getStore() === undefined) {
    unseededOutside = true;
    return body();
  }
  return drawing.run({ server: randomnessOf(seed), key: undefined }, body);
}

/** Runs `body` (a request's handling) drawing from the stream of `key`; without a seed or a key, as before. */
export function drawingWithKey<T>(key: string | undefined, body: () => T): T {
  return drawing.run({ server: drawing.getStore()?.server, key }, body);
}

function outsideServers(): ServerRandomness {
  if (outside !== 'refused') return outside;
  throw new Error(
    "randomness drawn outside every server's context on a thread that runs only servers: some callback lost its " +
      "server's context, and a seeded server's draws would no longer replay",
  );
}

function current(): Source {
  const store = drawing.getStore();
  const { seed, source, keyed, dropped } = store?.server ?? outsideServers();
  const key = store?.key;
  if (seed === undefined || key === undefined) return source;
  let stream = keyed.get(key);
  if (stream) keyed.delete(key);
  else {
    const starts = dropped.get(key) ?? 0;
    stream = seeded(starts === 0 ? `${seed}\n${key}` : `${seed}\n${key}\n${starts}`);
    // A key drawn again is the last one its count may be forgotten for.
    if (starts > 0) {
      dropped.delete(key);
      dropped.set(key, starts);
    }
  }
  keyed.set(key, stream);
  if (keyed.size > KEPT_STREAMS) {
    const oldest = keyed.keys().next().value as string;
    keyed.delete(oldest);
    // Deleted and set again, so that the least recently dropped key goes first when too many are remembered.
    const drops = (dropped.get(oldest) ?? 0) + 1;
    dropped.delete(oldest);
    dropped.set(oldest, drops);
    if (dropped.size > REMEMBERED_DROPS) dropped.delete(dropped.keys().next().value as string);
  }
  return stream;
}

export function randomBytesOf(n: number): Buffer {
  return current().bytes(n);
}

/** A whole number from 0 to n - 1. */
export function randomBelow(n: number): number {
  return current().below(n);
}
