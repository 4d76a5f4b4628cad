/**
 * Reads a Summary the way every writer needs it: which requirements a check covers (the summary records the reverse,
 * requirement → checks) and the findings, one per failing or advisory cell, each with what replays it. Writers share
 * this so JUnit, Allure and HTML agree on what failed and on which failures a baseline expects.
 */
import type { Cell, CheckResult, Failure, RequirementResult, Summary } from '../conformance/runner/summary-schema.js';

export interface Finding {
  readonly checkId: string;
  readonly title: string;
  readonly area: string;
  readonly column: string;
  readonly verdict: 'fail' | 'advisory';
  /** The catalogue ids the check covers. */
  readonly requirementIds: readonly string[];
  /** An expected-failures baseline lists every failing requirement this check covers: it does not fail the run. */
  readonly expected: boolean;
  readonly failure: Failure;
  readonly cell: Cell;
}

/** Check id → the ids of the requirements it covers, in catalogue order. */
export function requirementsByCheck(summary: Summary): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const requirement of summary.requirements) {
    for (const checkId of requirement.checks) {
      const ids = map.get(checkId) ?? [];
      if (!ids.includes(requirement.id)) ids.push(requirement.id);
      map.set(checkId, ids);
    }
  }
  return map;
}

/** Every failing or advisory cell, checks in summary order and columns in the summary's column order. */
export function findings(summary: Summary): Finding[] {
  const covers = requirementsByCheck(summary);
  const byId = new Map(summary.requirements.map((r) => [r.id, r]));
  const columnOrder = new Map(summary.columns.map((c, i) => [c, i]));
  const result: Finding[] = [];
  for (const check of summary.checks) {
    const requirementIds = covers.get(check.checkId) ?? [];
    const covered = requirementIds.map((id) => byId.get(id)).filter((r) => r !== undefined);
    const cells = [...check.cells].sort(
      (a, b) => (columnOrder.get(a.column) ?? Infinity) - (columnOrder.get(b.column) ?? Infinity),
    );
    for (const cell of cells) {
      if (cell.verdict !== 'fail' && cell.verdict !== 'advisory') continue;
      result.push({
        checkId: check.checkId,
        title: check.title,
        area: check.area,
        column: cell.column,
        verdict: cell.verdict,
        requirementIds,
        expected: cell.verdict === 'fail' && isExpectedFailure(covered),
        failure: cell.failure ?? missingFailure(summary, check),
        cell,
      });
    }
  }
  return result;
}

/** Finds a cell's finding, if it has one; writers that walk cells use it instead of recomputing. */
export function findingIndex(list: readonly Finding[]): (checkId: string, column: string) => Finding | undefined {
  const index = new Map(list.map((f) => [`${f.checkId}\u0000${f.column}`, f]));
  return (checkId, column) => index.get(`${checkId}\u0000${column}`);
}

function isExpectedFailure(covered: readonly RequirementResult[]): boolean {
  const failing = covered.filter((r) => r.verdict === 'fail');
  return covered.some((r) => r.expectedFailure === true) && failing.every((r) => r.expectedFailure === true);
}

/** A failing cell should carry its failure; if a runner left it out, the report says so rather than hiding the cell. */
function missingFailure(summary: Summary, check: CheckResult): Failure {
  return { message: `The check ${check.checkId} failed but recorded no details.`, replayCommand: summary.command };
}

/** The failure as plain text: message, counterexample, commands, seed, path and replay command. */
export function failureText(failure: Failure): string {
  const lines = [failure.message];
  if (failure.counterexample !== undefined) lines.push('', 'Counterexample:', failure.counterexample);
  if (failure.commands !== undefined && failure.commands.length > 0) {
    lines.push('', 'Commands (shrunk):', ...failure.commands.map((c, i) => `  ${i + 1}. ${c}`));
  }
  lines.push('');
  if (failure.seed !== undefined) lines.push(`Seed: ${failure.seed}`);
  if (failure.path !== undefined) lines.push(`Path: ${failure.path}`);
  lines.push(`Replay: ${failure.replayCommand}`);
  return lines.join('\n');
}
