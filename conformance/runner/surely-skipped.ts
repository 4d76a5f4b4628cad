/**
 * Which cells are skipped whatever their session, known before any server starts: those whose check does not apply
 * to the column even on a session that offers everything (Home's 2FA checks). The runner uses it to decide what to
 * start ahead and which edition a profile takes in turn (editions-in-turn.ts, which keeps every cell it names),
 * never for a verdict: every cell is still judged on the session it runs on, and a server not started ahead starts
 * once that session shows it is needed.
 */
import type { Check, Column } from '../kit/check.js';
import type { TargetSession } from '../targets/target.js';

/** A session with every part a check may ask for: each read gives another such part. */
const EVERYTHING: TargetSession = new Proxy(() => undefined, {
  get: (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : EVERYTHING),
  apply: () => EVERYTHING,
}) as unknown as TargetSession;

/** Whether `check` skips `column` on any session: it does even on one that offers everything. */
export function surelySkipped(check: Check, column: Column): boolean {
  if (!check.applies) return false;
  try {
    return !check.applies(column, EVERYTHING).applies;
  } catch {
    return false;
  }
}
