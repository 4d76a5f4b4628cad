/**
 * The verdict as the console prints it after `mbsc run`, `mbsc validate` and `mbsc merge`, and the exit code it gives:
 * the run's verdict (PASS, FAIL or ERROR, as the runner derived it) with the totals, why it is an error, each failed
 * MUST requirement and each advisory finding, each on a line of its own kind, so an advisory never reads as a failure;
 * then the counterexample of each failing cell (finding-output.ts).
 */
import type { Summary } from '../conformance/runner/summary-schema.js';
import { EXIT } from './command.js';
import { findings, untestedByReason } from '../reports/findings.js';
import { counterexampleLines } from './finding-output.js';
import { subsetLines } from './subset-lines.js';

/** How many ids of one untested reason the console names, so the summary stays on a screen. */
const SHOWN_IDS = 8;

/**
 * A run that could not be tested at all exits by its cause (3 unreachable, 4 not the protocol) before this is asked;
 * otherwise `fail` exits 1, and so does `error` (the kit failed, or nothing applicable ran): README's "a command's
 * own work failed". Only `pass` exits 0.
 */
export function exitOfVerdict(verdict: Summary['verdict']): number {
  return verdict === 'pass' ? EXIT.ok : EXIT.failed;
}

/**
 * `detail` closes the first line: the seed and duration of a run, the shards of a merge. Each failed requirement
 * comes with the command that replays its first failing cell; the counterexamples follow unless the console already
 * printed each failure as it happened (`counterexamples: false`).
 */
export function verdictLines(summary: Summary, detail: string, options: { counterexamples?: boolean } = {}): string[] {
  const t = summary.totals;
  const lines = [
    `${summary.verdict.toUpperCase()}: ${t.passed} passed, ${t.failed} failed, ${t.advisory} advisory, ` +
      `${t.errored} errored, ${t.skipped} skipped, ${t.untested} untested of ${t.requirements} requirements (${detail})`,
  ];
  lines.push(...subsetLines(summary).map((line) => `  ${line}`));
  lines.push(`  checked on this target: ${checkedOf(summary)} of ${t.applicable} applicable requirements`);
  if (summary.reason !== undefined) lines.push(`  ERROR ${summary.reason}`);
  // Requirements one failing cell broke together share its replay command, printed once after them.
  const failed = summary.requirements.filter((x) => x.verdict === 'fail');
  const replays = failed.map((r) => replayOf(summary, r.id));
  failed.forEach((r, i) => {
    lines.push(`  FAIL ${r.id} ${r.statement}${r.expectedFailure ? ' (expected)' : ''}`);
    const replay = replays[i];
    if (replay && replay !== replays[i + 1]) lines.push(`    Replay: ${replay}`);
  });
  for (const r of summary.requirements.filter((x) => x.verdict === 'advisory')) {
    lines.push(`  ADVISORY ${r.id} ${r.statement} (does not fail the run)`);
  }
  for (const [reason, ids] of untestedByReason(summary)) {
    const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more (the reports list them)` : '';
    lines.push(`  UNTESTED ${ids.slice(0, SHOWN_IDS).join(', ')}${more}: ${reason}`);
  }
  for (const id of summary.fixedExpectedFailures) {
    lines.push(`  ${id} is listed as an expected failure but passed: remove it from the baseline.`);
  }
  for (const { check, message, columns } of warningsByCheck(summary)) {
    const where = columns.length > SHOWN_IDS ? `${columns.length} columns` : columns.join(', ');
    lines.push(`  KIT WARNING ${check} (${where}): ${message}`);
  }
  for (const { check, state, why } of notReachableOf(summary)) {
    lines.push(`  NOT REACHABLE ON THIS TARGET ${check}: ${state} (${why})`);
  }
  if (options.counterexamples ?? true) lines.push(...counterexampleLines(summary));
  return lines;
}

/** A summary written before `checked` was counted gives it from its other totals. */
const checkedOf = (summary: Summary) =>
  summary.totals.checked ?? summary.totals.passed + summary.totals.failed + summary.totals.advisory;

/** The kit warnings grouped by check and message: a state one check never reached, said once with its columns. */
function warningsByCheck(summary: Summary): { check: string; message: string; columns: string[] }[] {
  const groups = new Map<string, { check: string; message: string; columns: string[] }>();
  for (const w of summary.kitWarnings ?? []) {
    const key = JSON.stringify([w.check, w.message]);
    const group = groups.get(key) ?? { check: w.check, message: w.message, columns: [] };
    group.columns.push(w.column);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The named states a check could not reach on this target, with why: said once per check and state. */
function notReachableOf(summary: Summary): { check: string; state: string; why: string }[] {
  const seen = new Map<string, { check: string; state: string; why: string }>();
  for (const check of summary.checks) {
    for (const cell of check.cells) {
      for (const [state, why] of Object.entries(cell.notReachable ?? {})) {
        seen.set(JSON.stringify([check.checkId, state]), { check: check.checkId, state, why });
      }
    }
  }
  return [...seen.values()];
}

/** The replay command of the first cell that failed requirement `id`, and how many cells failed it when several. */
function replayOf(summary: Summary, id: string): string | undefined {
  const cells = findings(summary).filter(
    (f) => f.verdict === 'fail' && (f.failure.requirements ?? f.requirementIds).includes(id),
  );
  const replay = cells.find((f) => f.failure.replayCommand)?.failure.replayCommand;
  return replay && `${replay}${cells.length > 1 ? ` (the first of ${cells.length} failing cells)` : ''}`;
}
