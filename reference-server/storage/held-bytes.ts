/**
 * How many bytes of an appended body one upload may hold in memory, shared out between the bodies being read.
 *
 * A buffer still held after two young-generation collections moves to V8's old generation, where only a full
 * mark-compact frees it, and V8 starts one each time the memory outside its heap (buffers) grows by a few tens of
 * MB. One upload holding a megabyte (a batch of socket reads into one write) keeps nothing long; 50 uploads holding
 * a megabyte each in the body reader and another in the appender kept about 100 MB alive, so nearly every socket
 * read was promoted: 30 mark-compacts instead of 2 for 910 MB, and a fifth more server CPU than with 64 KB each.
 * So the bodies under way share a fixed budget: one or two uploads still get a megabyte per write, fifty get 16 KB
 * each (a stream's default), and the rest waits in the kernel's socket buffers, which cost no collection. At 50
 * clients (half the benchmark's library, at load 17-23) that kept mark-compacts at 2 per run against 36-39, and the
 * server's CPU for 910 MB went from 3.6-3.8 s to 2.7-2.8 s.
 */
const BUDGET_BYTES = 2 * 1024 * 1024;
const MIN_SHARE_BYTES = 16 * 1024;
/** The most one body holds: a write of a megabyte is about as cheap per byte as a larger one. */
export const MAX_SHARE_BYTES = 1024 * 1024;

let holders = 0;

/** The bytes each body under way may hold now. */
export function heldBytesShare(): number {
  return Math.min(MAX_SHARE_BYTES, Math.max(MIN_SHARE_BYTES, Math.floor(BUDGET_BYTES / Math.max(1, holders))));
}

/** Counts a body as under way until the returned function is called (calls after the first do nothing). */
export function holdBytes(): () => void {
  holders += 1;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holders -= 1;
  };
}
