/**
 * One code presented several times at once (TOTP-12, REC-14, PUSH-10). Presented one after another, each check sees
 * the write of the one before; a server that reads, awaits its database, then writes lets every presentation at
 * once pass the check before any write. All are sent before any answer, each recorded in a history as a
 * presentation of the code; the history's accepted-once checker then judges that at most one was accepted.
 */
import type { CodeKind } from '../../../kit/history/history.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { judgeHistory } from '../../../kit/history/judge.js';
import { DESKTOP_LOGIN } from './otp-commands.js';
import { attempt, type Outcome } from './outcomes.js';

/** Sends every call of `sends` at once, presenting `code`; throws when more than one was accepted. */
export async function presentedAtOnce<T>(
  kind: CodeKind,
  code: string,
  sends: readonly (() => Promise<T>)[],
): Promise<Outcome<T>[]> {
  const history = new HistoryRecorder();
  const value = { f: 'code', kind, code } as const;
  const outcomes = await Promise.all(sends.map((send) => attempt(history.settle(DESKTOP_LOGIN, value, send()))));
  judgeHistory(history.history, ['accepted-once']);
  return outcomes;
}
