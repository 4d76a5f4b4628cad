/**
 * The history of a sequence, as the kit saw it: each operation a client or the nemesis began (`invoke`) and how it
 * ended: `ok` (the server said it was done), `fail` (the server said it was not) or `info` (no one knows: the
 * request was cut, the answer dropped, the server killed). The checkers (checkers.ts) are pure functions over it.
 */

/** What an operation did, with the values the checkers read; one shape per function. */
export type OpValue =
  /** An upload of an item's bytes; `sent` is how many bytes went out before it ended. */
  | { readonly f: 'upload'; readonly sha256: string; readonly size: number; readonly sent?: number }
  /** An abandoned upload (DELETE /v1/uploads/:id): its item was never acknowledged. */
  | { readonly f: 'cancel'; readonly sha256: string }
  /** A listing of every tab; on `ok` the items it gave. */
  | { readonly f: 'list'; readonly items?: readonly ListedItem[] }
  /** A restore of an item's bytes; on `ok` the hash and size of what came back. */
  | { readonly f: 'read'; readonly sha256: string; readonly gotSha256?: string; readonly gotSize?: number }
  /** A backup job committed; on `ok` the counts it reported. */
  | { readonly f: 'commit'; readonly counted?: number }
  /** The device removed from the server: its items are gone from it. */
  | { readonly f: 'remove-device' }
  /** Free up space removed these items from the phone. */
  | { readonly f: 'free-up'; readonly removed: readonly string[] }
  /** A code presented to the server (a one-time password, an SMS or e-mail code, a push approval). */
  | { readonly f: 'code'; readonly kind: CodeKind; readonly code: string }
  /** The device migrated to `to`: its items must follow. */
  | { readonly f: 'migrate'; readonly to: string }
  /** A fault the nemesis injected or healed, in words. */
  | { readonly f: 'nemesis'; readonly fault: string };

export type CodeKind = 'totp' | 'sms' | 'email' | 'push';
export type OpType = 'invoke' | 'ok' | 'fail' | 'info';

export interface ListedItem {
  readonly sha256: string;
  readonly size: number;
  readonly tab: string;
}

export interface Op {
  /** Position in the history, from 0. */
  readonly index: number;
  /** Who did it: a device id (its items are its own), or 'nemesis'. */
  readonly process: string;
  readonly type: OpType;
  readonly value: OpValue;
  /** For a completion, the index of the invoke it completes. */
  readonly invokedAt?: number;
}

export type History = readonly Op[];

/** Records a history as the commands run: `invoke` returns the function that completes that operation once. */
export class HistoryRecorder {
  private readonly ops: Op[] = [];

  get history(): History {
    return this.ops;
  }

  invoke(process: string, value: OpValue): (type: Exclude<OpType, 'invoke'>, value?: OpValue) => void {
    const invokedAt = this.ops.length;
    this.ops.push({ index: invokedAt, process, type: 'invoke', value });
    let done = false;
    return (type, completion = value) => {
      if (done) return;
      done = true;
      this.ops.push({ index: this.ops.length, process, type, value: completion, invokedAt });
    };
  }

  /** Runs `body` as one operation: `ok` with what it returns, `fail` or `info` as `classify` says of what it threw. */
  async run<T>(
    process: string,
    value: OpValue,
    body: () => Promise<T>,
    after: (result: T) => OpValue,
    classify: (error: unknown) => 'fail' | 'info',
  ): Promise<T | undefined> {
    const complete = this.invoke(process, value);
    try {
      const result = await body();
      complete('ok', after(result));
      return result;
    } catch (error) {
      complete(classify(error));
      return undefined;
    }
  }

  /** Records `answer` as one operation, `ok` when it resolves and `fail` when it rejects, and passes it on as is. */
  settle<T>(process: string, value: OpValue, answer: Promise<T>): Promise<T> {
    const complete = this.invoke(process, value);
    return answer.then(
      (result) => {
        complete('ok');
        return result;
      },
      (error: unknown) => {
        complete('fail');
        throw error;
      },
    );
  }

  /** A nemesis step: an invoke and its info at once (a fault has no answer to wait for). */
  note(fault: string): void {
    this.invoke('nemesis', { f: 'nemesis', fault })('info');
  }
}

/** One line per operation, as a witness prints it. */
export function formatOp(op: Op): string {
  const { f, ...rest } = op.value;
  const shown = Object.entries(rest)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.map(brief).join(',')}]` : brief(v)}`)
    .join(' ');
  return `#${op.index} ${op.process} ${op.type} ${f}${shown ? ` ${shown}` : ''}`;
}

function brief(value: unknown): string {
  if (typeof value === 'string') return /^[0-9a-f]{64}$/.test(value) ? value.slice(0, 12) : value;
  if (value && typeof value === 'object' && 'sha256' in value) {
    const item = value as ListedItem;
    return `${item.sha256.slice(0, 12)}:${item.size}:${item.tab}`;
  }
  return String(value);
}
