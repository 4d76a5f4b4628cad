/** Every history checker by name; a check runs those that its history can speak to after each sequence. */
import { acceptedOnce, freedOnlyConfirmed, migrationKeepsAll } from './account-checkers.js';
import { anomaly, type Anomaly } from './anomaly.js';
import { acknowledgedKept, noPartialItem, noResurrection } from './backup-checkers.js';
import type { History, Op } from './history.js';

export const CHECKERS = {
  'acknowledged-kept': acknowledgedKept,
  'no-partial-item': noPartialItem,
  'no-resurrection': noResurrection,
  'freed-only-confirmed': freedOnlyConfirmed,
  'accepted-once': acceptedOnce,
  'migration-keeps-all': migrationKeepsAll,
} as const satisfies Record<string, (history: History) => Anomaly[]>;

export type CheckerName = keyof typeof CHECKERS;

/**
 * Runs every checker over the history: all their anomalies, the first of each checker first, each witness with the
 * faults the nemesis injected between its first and last operation (a restart between an acknowledgement and the
 * listing that lacks it is half of what the witness shows).
 */
export function checkHistory(history: History, names = Object.keys(CHECKERS) as CheckerName[]): Anomaly[] {
  return names.flatMap((name) => CHECKERS[name](history)).map((found) => withFaultsBetween(found, history));
}

function withFaultsBetween(found: Anomaly, history: History): Anomaly {
  const first = found.witness[0];
  const last = found.witness.at(-1);
  if (!first || !last) return found;
  const faults = history.filter(
    (op: Op) => op.type !== 'invoke' && op.value.f === 'nemesis' && op.index > first.index && op.index < last.index,
  );
  if (faults.length === 0) return found;
  return anomaly(found.checker, found.requirements, found.message, [...found.witness, ...faults]);
}
