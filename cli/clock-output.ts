/**
 * The line `mbsc validate` prints about the server's conformance clock: used, or why not and how many checks were
 * skipped, or run only in part, for want of it (each such cell carries the same reason, so the count comes from the
 * summary itself).
 */
import type { Summary } from '../conformance/runner/summary-schema.js';
import { CLOCK_LACKS } from '../conformance/targets/open-conformance-clock.js';

export function clockLine(lack: string | undefined, summary: Summary): string {
  if (lack === undefined) return 'conformance clock: used';
  // Skipped for want of it, or run without the rules of time it would have checked.
  const needing = summary.checks.filter((c) =>
    c.cells.some((cell) => cell.reason === lack || cell.unchecked?.reason === lack),
  ).length;
  const why =
    lack === CLOCK_LACKS.notOffered
      ? 'not offered by the server'
      : lack === CLOCK_LACKS.declined
        ? 'not used (--no-conformance-clock)'
        : lack === CLOCK_LACKS.console
          ? 'not used (no --console-key)'
          : lack;
  return `conformance clock: ${why} — ${needing} ${needing === 1 ? 'check needs' : 'checks need'} it`;
}
