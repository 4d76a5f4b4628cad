/**
 * The kit's warnings about itself: a property that never reached a state it names (conformance/kit/sometimes.ts)
 * left the rules about that state unjudged on this run; a cell could not remove a device it paired with a server
 * the kit did not start (the cell's `warnings`). They never change a verdict; the console and index.html show them.
 */
import { neverReached } from '../kit/sometimes.js';
import type { CheckResult, KitWarning, Summary } from './summary-schema.js';

export function kitWarningsOf(checks: readonly CheckResult[]): KitWarning[] {
  return checks.flatMap((check) =>
    check.cells.flatMap((cell) => {
      const missed = neverReached(cell.sometimes);
      const messages = [...(cell.warnings ?? [])];
      if (missed.length > 0)
        messages.unshift(
          `never reached ${missed.join(', ')} in ${cell.runs} runs: ` +
            'the rules about those states went unjudged (more --runs, or a kit that draws them more often)',
        );
      return messages.map((message) => ({ check: check.checkId, column: cell.column, message }));
    }),
  );
}

/** The summary's `kitWarnings` field: absent when there are none. */
export function kitWarningsField(checks: readonly CheckResult[]): Pick<Summary, 'kitWarnings'> {
  const warnings = kitWarningsOf(checks);
  return warnings.length > 0 ? { kitWarnings: warnings } : {};
}
