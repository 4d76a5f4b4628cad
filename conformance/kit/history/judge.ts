/** A history judged inside a check: its anomalies, each with its witness, as the check's violation. */
import { Violation } from '../violation.js';
import { formatAnomaly } from './anomaly.js';
import { checkHistory, type CheckerName } from './checkers.js';
import type { History } from './history.js';

/** Throws the anomalies the named checkers find, with the requirements they break; returns when there are none. */
export function judgeHistory(history: History, names: readonly CheckerName[]): void {
  const anomalies = checkHistory(history, [...names]);
  if (anomalies.length === 0) return;
  const requirements = [...new Set(anomalies.flatMap((a) => a.requirements))];
  throw new Violation(requirements, anomalies.map(formatAnomaly).join('\n'));
}
