/**
 * Reads a Summary the way every writer needs it: which requirements a check covers (the summary records the reverse,
 * requirement → checks), the findings, one per failing, advisory or error cell, each with what replays it, and the
 * run's own error when no cell carries it. Writers share this so JUnit, Allure and HTML agree on what failed, what
 * is advisory, what errored and which failures a baseline expects; the verdicts themselves they take as the runner
 * derived them (conformance/runner/verdicts.ts), never judging a cell again.
 */
import type { Cell, CheckResult, Failure, RequirementResult, Summary } from '../conformance/runner/summary-schema.js';
import { exchangeLines } from './exchange-text.js';

export type FindingVerdict = 'fail' | 'advisory' | 'error';

const FINDING_VERDICTS: readonly string[] = ['fail', 'advisory', 'error'] satisfies FindingVerdict[];

export interface Finding {
  readonly checkId: string;
  readonly title: string;
  readonly area: string;
  readonly column: string;
  readonly verdict: FindingVerdict;
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
  // A check none of whose cells judged a requirement (an opt-in check left out) still names what it covers.
  const order = new Map(summary.requirements.map((r, i) => [r.id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  for (const check of summary.checks) {
    const ids = map.get(check.checkId) ?? [];
    const missing = (check.requirements ?? []).filter((id) => !ids.includes(id));
    if (missing.length > 0)
      map.set(
        check.checkId,
        [...ids, ...missing].sort((a, b) => rank(a) - rank(b)),
      );
  }
  return map;
}

/** Every failing, advisory or error cell, checks in summary order and columns in the summary's column order. */
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
      if (!FINDING_VERDICTS.includes(cell.verdict)) continue;
      result.push({
        checkId: check.checkId,
        title: check.title,
        area: check.area,
        column: cell.column,
        verdict: cell.verdict as FindingVerdict,
        requirementIds,
        expected: cell.verdict === 'fail' && isExpectedFailure(covered),
        failure: cell.failure ?? missingFailure(summary, check, cell),
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

/**
 * A failing cell should carry its failure; if a runner left it out, the report says so rather than hiding the cell.
 * An error cell of an unreachable target carries only its reason, which is then its message.
 */
function missingFailure(summary: Summary, check: CheckResult, cell: Cell): Failure {
  const message =
    cell.verdict === 'error'
      ? (cell.reason ?? `The check ${check.checkId} errored but recorded no reason.`)
      : `The check ${check.checkId} failed but recorded no details.`;
  return { message, replayCommand: summary.command };
}

/**
 * The run's error when no cell carries it: the run tested nothing (no check applied, or none was run before the
 * target was found unreachable). Writers then add one entry for the run itself, so an error is never silent.
 */
export function runLevelError(summary: Summary): string | undefined {
  if (summary.verdict !== 'error') return undefined;
  if (summary.checks.some((c) => c.cells.some((cell) => cell.verdict === 'error'))) return undefined;
  return summary.reason ?? 'the run could not test its target';
}

/**
 * The failure as plain text: message, counterexample, commands, exchanges (unless a writer shows them apart, as
 * Allure's attachment does), seed, path and replay command.
 */
export function failureText(failure: Failure, withExchanges = true): string {
  const lines = [failure.message];
  if (failure.counterexample !== undefined) lines.push('', 'Counterexample:', failure.counterexample);
  if (failure.commands !== undefined && failure.commands.length > 0) {
    lines.push('', 'Commands (shrunk):', ...failure.commands.map((c, i) => `  ${i + 1}. ${c}`));
  }
  const exchanges = withExchanges ? exchangeLines(failure) : [];
  if (exchanges.length > 0) lines.push('', ...exchanges);
  lines.push('');
  if (failure.seed !== undefined) lines.push(`Seed: ${failure.seed}`);
  if (failure.path !== undefined) lines.push(`Path: ${failure.path}`);
  lines.push(`Replay: ${failure.replayCommand}`);
  return lines.join('\n');
}

/** The untested requirements grouped by why: what this run could not check on its target, said once per reason. */
export function untestedByReason(summary: Pick<Summary, 'requirements'>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of summary.requirements.filter((x) => x.verdict === 'untested')) {
    const reason = r.reason ?? 'not checkable here';
    groups.set(reason, [...(groups.get(reason) ?? []), r.id]);
  }
  return groups;
}
