/**
 * One code presented several times at once (TOTP-12, REC-14, PUSH-10). Presented one after another, each check sees
 * the write of the one before; a server that reads, awaits its database, then writes lets every presentation at
 * once pass the check before any write. All are sent before any answer, each recorded in a history as a
 * presentation of the code; the history's accepted-once checker then judges that at most one was accepted, and at
 * least one must be: each alone is a code the server accepts.
 */
import type { CodeKind } from '../../../kit/history/history.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { judgeHistory } from '../../../kit/history/judge.js';
import { DESKTOP_LOGIN } from './otp-commands.js';
import { attempt, said, type Outcome } from './outcomes.js';
import { Violation } from '../../../kit/violation.js';
import type { ErrorCode } from '../../../spec/errors.js';

/**
 * Sends every call of `sends` at once, presenting `code`, a code each call alone must be accepted with: throws when
 * more than one was accepted (judged first, whatever else befell the others), then what the kit met instead of an
 * answer, if anything, then a violation of `acceptedBy` when none was accepted.
 */
export async function presentedAtOnce<T>(
  kind: CodeKind,
  code: string,
  sends: readonly (() => Promise<T>)[],
  acceptedBy: readonly string[],
): Promise<Outcome<T>[]> {
  const history = new HistoryRecorder();
  const value = { f: 'code', kind, code } as const;
  const settled = await Promise.allSettled(sends.map((send) => attempt(history.settle(DESKTOP_LOGIN, value, send()))));
  judgeHistory(history.history, ['accepted-once']);
  const outcomes = settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  });
  if (!outcomes.some((o) => o.ok)) {
    const answers = outcomes.map(said).join(', ');
    throw new Violation(acceptedBy, `${kind} ${code} sent ${sends.length} times at once was taken by none: ${answers}`);
  }
  return outcomes;
}

/** Refusals the throttle counts (PROTOCOL.md "Throttling"); only a success resets the count. */
const COUNTED: readonly ErrorCode[] = ['otp-invalid', 'otp-replayed', 'password-invalid', 'verification-code-invalid'];

/**
 * Whether the presentations that lost left failures on the server's count: an honest server may answer them so,
 * and a check after (or the next run) that counts its own failures from none must not meet them.
 */
export function leftFailures(outcomes: readonly Outcome<unknown>[]): boolean {
  return outcomes.some((o) => !o.ok && COUNTED.includes(o.code));
}
