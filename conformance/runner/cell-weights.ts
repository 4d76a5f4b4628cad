/**
 * How long a cell of each check takes, relative to the others, so the runner starts the long ones first and splits
 * the cells between its threads evenly: a run whose longest cell starts last waits for it alone at the end. The
 * figures are seconds per cell, the mean over the columns of one default run (`mbsc run --seed 7`, three editions,
 * ten profiles, the device checks taking the editions in turn); only checks of 2 s or more are listed, the others
 * weigh the same as each other. A check missing here or measured on another machine only makes the order less good,
 * never a verdict different: fixed data, so the same selection is always split and ordered alike.
 */
import { columnName, type Check, type Column } from '../kit/check.js';
import { cellId } from './smoke-cells.js';
import { FEW_RUNS_SECONDS_PER_CELL, FEW_RUNS_USUAL_SECONDS } from './few-runs-weights.js';

/** Seconds per cell of a check not listed (the mean of those checks' cells that ran, about 0.3 s). */
const USUAL_SECONDS = 0.3;

const SECONDS_PER_CELL: Readonly<Record<string, number>> = {
  'protocol-upload-integrity-model': 37.1,
  'tfa-push-login-model': 25,
  'backup-resume-integrity-model-android': 24,
  'tfa-totp-window-model': 22.2,
  'backup-resume-integrity-model-ios': 22,
  'free-up-space-model-android': 18.5,
  'free-up-space-model-ios': 15.7,
  'pairing-tokens-model': 14.6,
  'protocol-range-downloads': 9.4,
  'storage-layout': 7.9,
  'run-conditions-model': 4.8,
  'protocol-errors-catalogued': 4.8,
  'migration-device-list': 4.8,
  'desktop-console-recovery': 4.5,
  'protocol-strict-bodies': 4.3,
  'desktop-console-mobile-backup': 4,
  'desktop-console-login': 2.9,
  'desktop-console-setup-offer': 2.4,
  'run-conditions-restore': 2.2,
  'sources-file-types-documents-audio': 2.1,
  'network-ports-fallback': 2,
};

/**
 * Below this many sequences per property a run's cells are ordered by the table measured at 10 (few-runs-weights.ts),
 * at or above it by this one at 100: the point halfway between them on a log scale.
 */
const FEW_RUNS_BELOW = 32;

export function cellWeight(checkId: string): number {
  return SECONDS_PER_CELL[checkId] ?? USUAL_SECONDS;
}

/** The weight of a cell of `checkId` in a run of `runs` sequences per property. */
export function weightAt(checkId: string, runs: number): number {
  if (runs >= FEW_RUNS_BELOW) return cellWeight(checkId);
  return FEW_RUNS_SECONDS_PER_CELL[checkId] ?? FEW_RUNS_USUAL_SECONDS;
}

/**
 * The work of a run's cells as these weights see it, for a live display's time left: the weight of one cell of each
 * check, at `runs` sequences per property, and the sum over the cells.
 */
export function plannedWork(cells: readonly { readonly check: Check }[], runs: number): PlannedWork {
  const perCell: Record<string, number> = {};
  let total = 0;
  for (const { check } of cells) {
    perCell[check.id] = weightAt(check.id, runs);
    total += perCell[check.id] as number;
  }
  return { total, perCell };
}

export interface PlannedWork {
  readonly total: number;
  readonly perCell: Readonly<Record<string, number>>;
}

/**
 * The cells longest first, in a run of `runs` sequences per property (default the full run's); cells of equal weight
 * keep their order (a stable sort).
 */
export function longestFirst<T extends { readonly check: Check }>(cells: readonly T[], runs = 100): T[] {
  return [...cells].sort((a, b) => weightAt(b.check.id, runs) - weightAt(a.check.id, runs));
}

/**
 * The cells in `shares` groups of about equal weight, each a run of consecutive cells in the run's order (edition by
 * edition; within one, exclusive checks last), so that at most `shares - 1` editions are split between two groups:
 * each group starts servers only for the editions it has, and, the exclusive checks coming last, the two halves of a
 * split edition seldom both need a second server for them. A cell goes to the group its middle falls in. Answers each
 * group's cell ids (`check@column`).
 */
export function splitByWeight(cells: readonly { check: Check; column: Column }[], shares: number): string[][] {
  const editions = [...new Set(cells.map((cell) => cell.column.edition))];
  const inRunOrder = editions.flatMap((edition) => editionInOrder(cells.filter((c) => c.column.edition === edition)));
  const total = inRunOrder.reduce((sum, { check }) => sum + cellWeight(check.id), 0);
  const groups = Array.from({ length: shares }, () => [] as string[]);
  let before = 0;
  for (const { check, column } of inRunOrder) {
    const weight = cellWeight(check.id);
    const group = Math.min(shares - 1, Math.floor(((before + weight / 2) / total) * shares));
    groups[group]?.push(cellId(check.id, columnName(column)));
    before += weight;
  }
  return groups;
}

/** One edition's cells: the pooled ones longest first, then the exclusive ones. */
function editionInOrder<T extends { check: Check }>(cells: readonly T[]): T[] {
  return [...longestFirst(cells.filter((c) => !c.check.exclusive)), ...cells.filter((c) => c.check.exclusive)];
}
