/**
 * fsyncs run on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise) and each holds its thread
 * for as long as the disk takes, up to hundreds of ms on a busy disk. When every thread is in an fsync, the appends
 * of all other uploads wait in the pool's queue, however little they have to write. So at most one thread fewer than
 * the pool runs fsyncs at a time; the others wait here, and one thread is always free for reads and writes.
 *
 * A bulk fsync (an upload's part file after a megabyte or more of appends) waits behind the small ones (the
 * database's WAL, a folder after a rename, a small upload's part): a small fsync gates the answers of many requests
 * (every commit waits for the WAL's), and it was queued behind the data fsyncs of every large upload under way.
 * Small ones come only as fast as requests finish, and the WAL's are grouped (one running, one queued); under many
 * small uploads a large one's fsync still waits longer than it did in one queue.
 */
const POOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE) || 4;
const LANES = Math.max(1, POOL_SIZE - 1);

let running = 0;
const waitingSmall: (() => void)[] = [];
const waitingBulk: (() => void)[] = [];

/** Runs `sync` (one fsync) once a lane is free; `bulk` lets the small fsyncs waiting then go first. */
export async function inSyncLane<T>(sync: () => Promise<T>, options: { bulk?: boolean } = {}): Promise<T> {
  if (running >= LANES) await new Promise<void>((resolve) => (options.bulk ? waitingBulk : waitingSmall).push(resolve));
  else running += 1;
  try {
    return await sync();
  } finally {
    const next = waitingSmall.shift() ?? waitingBulk.shift();
    if (next) next();
    else running -= 1;
  }
}
