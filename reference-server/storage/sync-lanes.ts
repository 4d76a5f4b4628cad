/**
 * fsyncs run on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise) and each holds its thread
 * for as long as the disk takes, up to hundreds of ms on a busy disk. When every thread is in an fsync, the appends
 * of all other uploads wait in the pool's queue, however little they have to write. So at most one thread fewer than
 * the pool runs fsyncs at a time; the others wait here, and one thread is always free for reads and writes.
 */
const POOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE) || 4;
const LANES = Math.max(1, POOL_SIZE - 1);

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `sync` (one fsync) once a lane is free. */
export async function inSyncLane<T>(sync: () => Promise<T>): Promise<T> {
  if (running >= LANES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await sync();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
