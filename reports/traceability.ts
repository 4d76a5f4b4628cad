/**
 * The traceability matrix: one row per catalogued requirement, one column per matrix column (a device profile on an
 * edition, or an edition), each cell the requirement's verdict there with a one-line note for the tooltip. Computed
 * here rather than in the HTML viewer so the rules are tested in Node and the viewer only draws.
 *
 * A cell combines the cells of every check that covers the requirement on that column, each read for this
 * requirement by the runner's own rule (conformance/runner/verdicts.ts: a finding counts only against the requirements
 * it is charged to, by their level), worst first as a requirement's verdict is. So a MUST requirement that shares a
 * check with an ADVISORY one it passed shows a pass where the check found only the advisory problem.
 */
import { AREAS } from '../conformance/spec/requirements/index.js';
import type { Cell, RequirementResult, Summary, Verdict } from '../conformance/runner/summary-schema.js';
import { cellReading, worstOf } from '../conformance/runner/verdicts.js';
import { requirementsByCheck } from './findings.js';
import { trimMiddle } from '../conformance/kit/trim-middle.js';
import { profileColumnName } from '../conformance/kit/check.js';

export interface MatrixCell {
  readonly verdict: Verdict;
  /** Why, in a line: the reason for a skip, the first line of a failure, how many checks passed. */
  readonly note: string;
  /** The checks that gave this verdict here, e.g. to link a failing cell to its finding. */
  readonly checks: readonly string[];
}

export interface MatrixRow {
  readonly id: string;
  readonly area: string;
  readonly level: RequirementResult['level'];
  readonly statement: string;
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly expectedFailure?: boolean;
  readonly checks: readonly string[];
  /** One per column, in the matrix's column order. */
  readonly cells: readonly MatrixCell[];
}

export interface MatrixArea {
  readonly id: string;
  readonly title: string;
}

export interface TraceabilityMatrix {
  readonly columns: readonly string[];
  /** The areas that have rows, in catalogue order. */
  readonly areas: readonly MatrixArea[];
  readonly rows: readonly MatrixRow[];
}

export function areaOf(requirementId: string): string {
  const dash = requirementId.indexOf('-');
  return dash === -1 ? requirementId : requirementId.slice(0, dash);
}

export function areaTitle(area: string): string {
  return Object.hasOwn(AREAS, area) ? AREAS[area as keyof typeof AREAS] : area;
}

export function traceabilityMatrix(summary: Summary): TraceabilityMatrix {
  const cellsByCheck = new Map(summary.checks.map((c) => [c.checkId, c.cells]));
  const covers = requirementsByCheck(summary);
  const rows = summary.requirements.map((requirement): MatrixRow => {
    const cells = summary.columns.map((column): MatrixCell => {
      const found = requirement.checks.flatMap((checkId) =>
        (cellsByCheck.get(checkId) ?? [])
          .filter((c) => c.column === column)
          .map((cell) => ({ checkId, cell, verdict: cellReading(cell, requirement, covers.get(checkId) ?? []) })),
      );
      return matrixCell(requirement, found, () => ranElsewhere(summary, column, requirement.checks, cellsByCheck));
    });
    return {
      id: requirement.id,
      area: areaOf(requirement.id),
      level: requirement.level,
      statement: requirement.statement,
      verdict: requirement.verdict,
      ...(requirement.reason !== undefined && { reason: requirement.reason }),
      ...(requirement.expectedFailure !== undefined && { expectedFailure: requirement.expectedFailure }),
      checks: requirement.checks,
      cells,
    };
  });
  const present = new Set(rows.map((r) => r.area));
  const ordered = [...Object.keys(AREAS).filter((a) => present.has(a)), ...[...present].filter((a) => !(a in AREAS))];
  return { columns: summary.columns, areas: ordered.map((id) => ({ id, title: areaTitle(id) })), rows };
}

/**
 * Why a device column has no cell of a requirement's checks in a run whose device checks took the editions in turn:
 * the columns of the same profile where they ran, if any.
 */
function ranElsewhere(
  summary: Summary,
  column: string,
  checks: readonly string[],
  cellsByCheck: ReadonlyMap<string, readonly Cell[]>,
): string | undefined {
  if (!summary.editionsInTurn) return undefined;
  const sameProfile = (id: string) =>
    summary.target.editions.some((edition) => column === profileColumnName(id, edition));
  const ran = checks.flatMap((checkId) =>
    (cellsByCheck.get(checkId) ?? [])
      .filter((cell) => cell.profile !== undefined && sameProfile(cell.profile))
      .filter((cell) => cell.column !== column)
      .map((cell) => cell.column),
  );
  if (ran.length === 0) return undefined;
  // A smoke run drops cells of its own: then only where they ran is certain, not which choice dropped this one.
  const why = summary.smoke ? 'this run' : 'the editions in turn';
  const more = summary.smoke ? '' : ' (--full-matrix runs every edition)';
  return `not run on this edition: ${why} ran it on ${unique(ran).join(', ')}${more}`;
}

interface Reading {
  readonly checkId: string;
  readonly cell: Cell;
  /** How the cell reads for this row's requirement. */
  readonly verdict: Verdict;
}

function matrixCell(
  requirement: RequirementResult,
  found: readonly Reading[],
  elsewhere: () => string | undefined,
): MatrixCell {
  if (found.length === 0) {
    if (requirement.verdict === 'skipped')
      return { verdict: 'skipped', note: requirement.reason ?? 'skipped', checks: [] };
    const moved = elsewhere();
    if (moved) return { verdict: 'untested', note: moved, checks: [] };
    // The requirement's own reason is about this column only when it is untested; an error's is about another one.
    const own = requirement.verdict === 'untested' ? requirement.reason : undefined;
    const why = own ?? (requirement.checks.length === 0 ? 'no check covers it' : 'no check ran here');
    return { verdict: 'untested', note: why, checks: [] };
  }
  const verdict = worstOf(found.map((f) => f.verdict)) ?? 'untested';
  const these = found.filter((f) => f.verdict === verdict);
  return { verdict, note: note(verdict, these), checks: unique(these.map((f) => f.checkId)) };
}

function note(verdict: Verdict, these: readonly Reading[]): string {
  switch (verdict) {
    case 'pass': {
      const runs = these.reduce((n, f) => n + f.cell.runs, 0);
      return `${plural(these.length, 'check')} passed, ${plural(runs, 'run')}`;
    }
    case 'fail':
    case 'advisory':
      return these.map((f) => `${f.checkId}: ${firstLine(f.cell.failure?.message ?? verdict)}`).join('\n');
    default:
      return unique(these.map((f) => f.cell.reason ?? verdict)).join('\n');
  }
}

/** A message's first line, cut in its middle when long: its end states the expected value. */
function firstLine(text: string): string {
  return trimMiddle(text.split('\n', 1)[0] ?? '', 160);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
