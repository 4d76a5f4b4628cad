/**
 * What this target could not be checked on, and why, for index.html's "Not checked here" section: the requirements
 * that were not judged (errored, untested or skipped, each with its reason), and the requirements that passing cells
 * did not check in full (a cell's `unchecked`: it ran without the server's clock), with the columns and the reason.
 */
import type { RequirementResult, Summary } from '../../conformance/runner/summary-schema.js';

export interface NotJudged {
  readonly id: string;
  readonly level: RequirementResult['level'];
  readonly verdict: 'error' | 'untested' | 'skipped';
  readonly reason: string;
  readonly statement: string;
}

export interface UncheckedRequirement {
  readonly id: string;
  readonly reason: string;
  /** The columns whose cells ran but did not check it, in the summary's column order. */
  readonly columns: readonly string[];
}

const NOT_JUDGED: readonly string[] = ['error', 'untested', 'skipped'];

export function notJudged(summary: Summary): NotJudged[] {
  return summary.requirements
    .filter((r) => NOT_JUDGED.includes(r.verdict))
    .map((r) => ({
      id: r.id,
      level: r.level,
      verdict: r.verdict as NotJudged['verdict'],
      reason: r.reason ?? 'no reason recorded',
      statement: r.statement,
    }));
}

/** One entry per requirement and reason, over every cell that left it unchecked. */
export function uncheckedRequirements(summary: Summary): UncheckedRequirement[] {
  const order = new Map(summary.columns.map((c, i) => [c, i]));
  const byKey = new Map<string, { id: string; reason: string; columns: Set<string> }>();
  for (const cell of summary.checks.flatMap((c) => c.cells)) {
    if (!cell.unchecked) continue;
    for (const id of cell.unchecked.requirements) {
      const reason = cell.unchecked.reasons?.[id] ?? cell.unchecked.reason;
      const key = `${id}\u0000${reason}`;
      const entry = byKey.get(key) ?? { id, reason, columns: new Set<string>() };
      entry.columns.add(cell.column);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map(({ id, reason, columns }) => ({
      id,
      reason,
      columns: [...columns].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    }));
}
