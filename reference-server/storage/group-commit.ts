/**
 * Group commit: many writers, one fsync. Each writer bumps a write level (a counter that only grows) by writing, and
 * then asks for `flush()`; it is answered once a sync that began after its write has finished. Writers that ask
 * while a sync runs share the next one, so N concurrent uploads cost one fsync of the shared file, not N in a row.
 *
 * A failed sync fails every writer waiting on it, and every later one: once an fsync has reported an error the kernel
 * may have dropped the unwritten pages, so a later successful fsync would not prove that the earlier writes are on
 * disk. The server must be restarted (its start-up recovery then works from what the disk really holds).
 */

interface Round {
  /** The write level read just before this sync began: everything up to it is on disk once the sync succeeds. */
  readonly level: number;
  readonly done: Promise<void>;
}

export class GroupCommit {
  private synced = -Infinity;
  private running: Round | undefined;
  private queued: Promise<void> | undefined;
  private failure: { readonly error: unknown } | undefined;
  /** How many syncs ran: a figure for tests and benchmarks (writers per sync = flushes / syncs). */
  syncs = 0;

  /**
   * @param sync makes everything written so far durable (an fsync of the shared file)
   * @param level the current write level; a flush with nothing written since the last sync costs nothing
   */
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly level: () => number,
  ) {}

  /** Whether something was written that no finished sync covers yet. */
  pending(): boolean {
    return this.failure !== undefined || this.level() > this.synced;
  }

  /** Resolves once everything written before this call is on disk; rejects if the sync that was to cover it failed. */
  flush(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    const needed = this.level();
    if (needed <= this.synced) return Promise.resolve();
    if (this.running && this.running.level >= needed) return this.running.done;
    if (this.queued) return this.queued;
    if (!this.running) return this.begin();
    // The running sync began before this write: the next one, shared by everyone who asks meanwhile, covers it.
    const after = this.running.done.then(
      () => undefined,
      () => undefined,
    );
    const next = after.then(() => {
      this.queued = undefined;
      return this.failure ? Promise.reject(this.failure.error) : this.begin();
    });
    this.queued = next;
    return next;
  }

  private begin(): Promise<void> {
    const level = this.level();
    this.syncs += 1;
    const done = this.sync().then(
      () => {
        if (level > this.synced) this.synced = level;
      },
      (error: unknown) => {
        this.failure ??= { error };
        throw error;
      },
    );
    const round: Round = { level, done };
    this.running = round;
    const clear = () => {
      if (this.running === round) this.running = undefined;
    };
    done.then(clear, clear);
    return done;
  }
}
