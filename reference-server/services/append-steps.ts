/**
 * For the server's own tests only: the steps of an append at which a test may hold it, to land another request (a
 * device's removal, say) exactly there. A server started without the hook (every server but a test's) waits nowhere.
 */
export const APPEND_STEPS = {
  'part-opened': "the upload's part file is open and the append checked; no byte of the body is written yet",
  'part-written': "the body's bytes are written to the part file; they are not fsynced yet",
  'part-synced': "the last append's bytes are fsynced and hashed and the item's place reserved; the file is not moved",
  'item-file-in-place': "the item's file is in its blocks folder; its record is not committed yet",
} as const;

export type AppendStep = keyof typeof APPEND_STEPS;

/** Awaited at each step of an append; an append goes on once it resolves. */
export type AppendStepHook = (step: AppendStep) => Promise<void>;
