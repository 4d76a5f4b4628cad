/**
 * A progress display on stderr: one line per check and matrix column as it ends, with a running count and the
 * cell's verdict as the runner derived it (an advisory finding reads `advisory`, never `fail`), then its finding's
 * first line, or an error's reason.
 */
import type { CheckInfo, Reporter, RunInfo } from '../conformance/runner/reporter.js';
import type { Cell } from '../conformance/runner/summary-schema.js';

export function progressReporter(write: (line: string) => void): Reporter {
  let done = 0;
  return {
    name: 'progress',
    onRunStart(info: RunInfo) {
      write(
        `Testing ${info.target.description}, seed ${info.seed}: ${info.checks.length} checks × ${info.columns.length} columns`,
      );
    },
    onCellEnd(check: CheckInfo, cell: Cell) {
      done += 1;
      const detail =
        cell.verdict === 'skipped' ? cell.reason : `${cell.runs} runs, ${(cell.durationMs / 1000).toFixed(1)} s`;
      write(`  [${String(done).padStart(4)}] ${cell.verdict.padEnd(8)} ${check.checkId}  ${cell.column}  (${detail})`);
      const why = cell.verdict === 'error' ? cell.reason : cell.failure?.message;
      if (why) write(`      ${why.split('\n')[0]}`);
    },
    onRunEnd() {},
  };
}
