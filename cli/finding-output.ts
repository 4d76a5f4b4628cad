/**
 * The counterexample of each failing cell, as the console prints it under the verdict: the check and column, the
 * message's first line, the shrunk commands, the last few HTTP exchanges and the replay command. Only cells that fail
 * the run (not advisory, not expected): the reports hold every finding in full, the console shows where to start.
 */
import type { Summary } from '../conformance/runner/summary-schema.js';
import { exchangeLines } from '../reports/exchange-text.js';
import { findings } from '../reports/findings.js';

/** How many failing cells, and how many exchanges of each, the console shows; summary.json holds them all. */
const SHOWN_CELLS = 10;
const SHOWN_EXCHANGES = 3;

export function counterexampleLines(summary: Summary): string[] {
  const failing = findings(summary).filter((f) => f.verdict === 'fail' && !f.expected);
  if (failing.length === 0) return [];
  const lines = ['', 'Counterexamples:'];
  for (const finding of failing.slice(0, SHOWN_CELLS)) {
    const { failure } = finding;
    lines.push(`  ${finding.checkId} [${finding.column}]: ${failure.message.split('\n', 1)[0] ?? ''}`);
    if (failure.commands && failure.commands.length > 0) {
      lines.push(`    Commands (shrunk): ${failure.commands.join('; ')}`);
    }
    lines.push(...exchangeLines(failure, { last: SHOWN_EXCHANGES, headers: false }).map((line) => `    ${line}`));
    lines.push(`    Replay: ${failure.replayCommand}`);
  }
  if (failing.length > SHOWN_CELLS) lines.push(`  … and ${failing.length - SHOWN_CELLS} more in the reports.`);
  return lines;
}
