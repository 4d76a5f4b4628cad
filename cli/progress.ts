/** A progress display on stderr: one line per check and matrix column as it ends, with a running count. */
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
      write(`  [${String(done).padStart(4)}] ${cell.verdict.padEnd(7)} ${check.checkId}  ${cell.column}  (${detail})`);
      if (cell.failure) write(`      ${cell.failure.message.split('\n')[0]}`);
    },
    onRunEnd() {},
  };
}
