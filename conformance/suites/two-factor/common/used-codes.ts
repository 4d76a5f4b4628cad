/**
 * SMS and e-mail codes presented to the server, recorded in a history, and a used one presented again: the
 * history's accepted-once checker judges it (REC-14), naming the first acceptance and the second as its witness.
 */
import type { CodeKind, HistoryRecorder } from '../../../kit/history/history.js';
import { judgeHistory } from '../../../kit/history/judge.js';
import type { ErrorCode } from '../../../spec/errors.js';
import type { LoginUnderWay } from './actors.js';
import { mustRefuse } from './outcomes.js';

/** Every refusal a used code may get: spent, or its step of the login already left. */
const USED_CODE_REFUSALS: readonly ErrorCode[] = [
  'verification-code-invalid',
  'verification-code-expired',
  'login-state',
];

/** `call`, with each presentation recorded in `history` as a code of `kind` by `process`, ok when accepted. */
export function recorded<T>(
  history: HistoryRecorder,
  process: string,
  kind: CodeKind,
  call: (digits: string) => Promise<T>,
): (digits: string) => Promise<T> {
  return (digits) => history.settle(process, { f: 'code', kind, code: digits }, call(digits));
}

/** Digits typed at the login `r`, recorded in its history (when it keeps one) as a code of `kind` of that login. */
export function typedAtLogin<T>(
  r: LoginUnderWay,
  kind: CodeKind,
  digits: string,
  call: (digits: string) => Promise<T>,
): Promise<T> {
  return r.history ? recorded(r.history, `login ${r.loginId}`, kind, call)(digits) : call(digits);
}

/**
 * The code of `kind` the history last saw accepted, presented again through `present` (which records it): judged by
 * the history first, so an acceptance fails with its witness; a refusal must be one a used code gets.
 */
export async function presentUsedAgain(
  history: HistoryRecorder,
  kind: CodeKind,
  present: (digits: string) => Promise<unknown>,
  what: string,
  refusals: readonly ErrorCode[] = USED_CODE_REFUSALS,
): Promise<void> {
  const used = history.history.findLast((op) => op.type === 'ok' && op.value.f === 'code' && op.value.kind === kind);
  if (used?.value.f !== 'code') throw new Error(`no ${kind} code was accepted before ${what}`);
  const again = present(used.value.code);
  await again.catch(() => undefined);
  judgeHistory(history.history, ['accepted-once']);
  await mustRefuse(again, refusals, ['REC-14'], what);
}
