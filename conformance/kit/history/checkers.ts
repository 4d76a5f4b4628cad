/** Every history checker by name; a check runs those that its history can speak to after each sequence. */
import { acceptedOnce, freedOnlyConfirmed, migrationKeepsAll } from './account-checkers.js';
import type { Anomaly } from './anomaly.js';
import { acknowledgedKept, noPartialItem, noResurrection } from './backup-checkers.js';
import type { History } from './history.js';

export const CHECKERS = {
  'acknowledged-kept': acknowledgedKept,
  'no-partial-item': noPartialItem,
  'no-resurrection': noResurrection,
  'freed-only-confirmed': freedOnlyConfirmed,
  'accepted-once': acceptedOnce,
  'migration-keeps-all': migrationKeepsAll,
} as const satisfies Record<string, (history: History) => Anomaly[]>;

export type CheckerName = keyof typeof CHECKERS;

/** Runs every checker over the history: all their anomalies, the first of each checker first. */
export function checkHistory(history: History, names = Object.keys(CHECKERS) as CheckerName[]): Anomaly[] {
  return names.flatMap((name) => CHECKERS[name](history));
}
