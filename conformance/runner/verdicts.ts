/**
 * The one derivation of verdicts (DESIGN.md, "Verdicts"): how a check's failure reads as a cell, how a cell reads for
 * each requirement its check covers, and a requirement's verdict from those readings. The runner, `mbsc merge` and
 * every writer (the traceability matrix too) use these functions, so no output judges a cell on its own.
 *
 * A failing cell is charged to the requirements its failure names, or to every one its check covers when it names
 * none. Charged only to ADVISORY requirements it is `advisory`; charged to any MUST one it is `fail`. A mixed cell
 * (a MUST and an ADVISORY id) is a `fail` cell, yet each requirement reads by its own level: the MUST one fails, the
 * ADVISORY one is advisory, and every uncharged requirement of the check passed on that cell, unless the cell
 * says it left that one unchecked (a check without the clock, or one whose setup failed), which reads untested.
 */
import type { Requirement } from '../spec/requirements/types.js';
import type { Cell, CheckResult, RequirementResult, Verdict } from './summary-schema.js';
import { NOT_COVERED } from '../spec/requirements/not-covered.js';

type Level = Requirement['level'];

/** A requirement as far as reading a cell needs it; structural, since a merge knows ids only as strings. */
export interface Levelled {
  readonly id: string;
  readonly level: Level;
}

export interface VerdictOptions {
  readonly selected?: ReadonlySet<string>;
  readonly expectedFailures: ReadonlySet<string>;
}

/** The verdict of a failing cell, from the levels of the requirements it is charged to. */
export function findingVerdict(
  charged: readonly string[],
  levelOf: (id: string) => Level | undefined,
): 'fail' | 'advisory' {
  // An id the catalogue does not know, or a check that covers none, is judged as strictly as a MUST.
  if (charged.length === 0) return 'fail';
  return charged.some((id) => levelOf(id) !== 'ADVISORY') ? 'fail' : 'advisory';
}

/** The requirements a finding is charged to: those its failure names, else all its check covers. */
export function chargedRequirements(cell: Pick<Cell, 'failure'>, covered: readonly string[]): readonly string[] {
  return cell.failure?.requirements ?? covered;
}

/** How one cell reads for one of the requirements its check covers (`covered`). */
export function cellReading(
  cell: Pick<Cell, 'verdict' | 'failure' | 'unchecked'>,
  requirement: Levelled,
  covered: readonly string[],
): Verdict {
  // A pass of what the cell did check is no pass of a requirement it could check only in part.
  const passed = isUnchecked(cell, requirement.id) ? 'untested' : 'pass';
  if (cell.verdict === 'pass') return passed;
  if (cell.verdict !== 'fail' && cell.verdict !== 'advisory') return cell.verdict;
  if (!chargedRequirements(cell, covered).includes(requirement.id)) return passed;
  if (requirement.level === 'ADVISORY') return 'advisory';
  // An advisory cell never fails a MUST requirement, whatever it names: only a `fail` cell does.
  return cell.verdict === 'fail' ? 'fail' : 'pass';
}

const isUnchecked = (cell: Pick<Cell, 'unchecked'>, id: string) => cell.unchecked?.requirements.includes(id) ?? false;

/** Why a cell read `untested` or another verdict with a reason for `id`: its own partial check's, else the cell's. */
function readingReason(cell: Pick<Cell, 'reason' | 'unchecked'>, id: string, verdict: Verdict): string | undefined {
  if (verdict !== 'untested' || !isUnchecked(cell, id)) return cell.reason;
  return cell.unchecked?.reasons?.[id] ?? cell.unchecked?.reason;
}

/**
 * Worst first, for combining readings: a MUST broken, then the kit's failure to tell (an error is never hidden by a
 * pass elsewhere, nor by an advisory finding, so a run with an error cell is never `pass`), then a finding, a pass,
 * and what was not checked: untested (it applies) before skipped (it does not).
 */
export const SEVERITY: readonly Verdict[] = ['fail', 'error', 'advisory', 'pass', 'untested', 'skipped'];

export function worstOf(readings: readonly Verdict[]): Verdict | undefined {
  return SEVERITY.find((verdict) => readings.includes(verdict));
}

/** Check id → the requirement ids it covers, from requirement id → check ids. */
export function coveredByCheck(coverage: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const covers = new Map<string, string[]>();
  for (const [requirement, checkIds] of coverage) {
    for (const id of checkIds) covers.set(id, [...(covers.get(id) ?? []), requirement]);
  }
  return covers;
}

const DEFAULT_REASON: Partial<Record<Verdict, string>> = {
  skipped: 'not applicable',
  untested: 'not checkable here',
  error: 'the kit failed',
};

export function requirementVerdicts(
  catalogue: readonly Requirement[],
  checks: readonly CheckResult[],
  coverage: ReadonlyMap<string, readonly string[]>,
  options: VerdictOptions,
): RequirementResult[] {
  const byId = new Map(checks.map((c) => [c.checkId, c]));
  const covers = coveredByCheck(coverage);
  return catalogue.map((requirement): RequirementResult => {
    const checkIds = [...(coverage.get(requirement.id) ?? [])];
    const base = { id: requirement.id, level: requirement.level, statement: requirement.statement, checks: checkIds };
    const expected = options.expectedFailures.has(requirement.id) ? { expectedFailure: true } : {};
    if (options.selected && !options.selected.has(requirement.id)) {
      return { ...base, verdict: 'skipped', reason: 'not selected for this run', ...expected };
    }
    if (checkIds.length === 0) {
      const reason = NOT_COVERED[requirement.id] ?? 'no check covers it yet';
      return { ...base, verdict: 'untested', reason, ...expected };
    }
    const readings = checkIds.flatMap((id) =>
      (byId.get(id)?.cells ?? []).map((cell) => ({
        cell,
        verdict: cellReading(cell, requirement, covers.get(id) ?? []),
      })),
    );
    const verdict = worstOf(readings.map((r) => r.verdict));
    if (verdict === undefined) return { ...base, verdict: 'untested', reason: 'its checks did not run', ...expected };
    const fallback = DEFAULT_REASON[verdict];
    if (fallback === undefined) return { ...base, verdict, ...expected };
    // Each distinct reason once: an unreachable target gives every cell the same one.
    const reasons = new Set(
      readings
        .filter((r) => r.verdict === verdict)
        .map((r) => readingReason(r.cell, requirement.id, verdict) ?? fallback),
    );
    return { ...base, verdict, reason: [...reasons].join('; '), ...expected };
  });
}
