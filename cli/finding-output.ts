/**
 * The counterexample of each failing cell, as the console prints it under the verdict: the check and column, the
 * message's first line, the shrunk commands, the last few HTTP exchanges and the replay command. Only cells that fail
 * the run (not advisory, not expected): the reports hold every finding in full, the console shows where to start.
 */
import type { Failure, Summary } from '../conformance/runner/summary-schema.js';
import { exchangeHeadline, exchangeLines } from '../reports/exchange-text.js';
import { findings } from '../reports/findings.js';

/** How many failing cells, and how many exchanges of each, the console shows; summary.json holds them all. */
const SHOWN_CELLS = 10;
const SHOWN_EXCHANGES = 3;

export function counterexampleLines(summary: Summary): string[] {
  const failing = findings(summary).filter((f) => f.verdict === 'fail' && !f.expected);
  if (failing.length === 0) return [];
  const lines = ['', 'Counterexamples:'];
  for (const finding of failing.slice(0, SHOWN_CELLS)) {
    lines.push(`  ${finding.checkId} [${finding.column}]: ${firstLine(finding.failure.message)}`);
    lines.push(...failureDetailLines(finding.failure, '    '));
  }
  if (failing.length > SHOWN_CELLS) lines.push(`  … and ${failing.length - SHOWN_CELLS} more in the reports.`);
  return lines;
}

/** The shrunk commands, the last few exchanges and the replay command of one failure, each line indented. */
export function failureDetailLines(failure: Failure, indent: string, options: { brief?: boolean } = {}): string[] {
  const lines: string[] = [];
  if (failure.commands && failure.commands.length > 0) lines.push(`Commands (shrunk): ${failure.commands.join('; ')}`);
  const exchanges = failure.exchanges ?? [];
  if (options.brief && exchanges.length > 0) {
    // A live failure names the last requests only; their bodies are in the closing counterexamples and the reports.
    const last = exchanges.slice(-SHOWN_EXCHANGES).map(exchangeHeadline);
    const earlier = exchanges.length - last.length + (failure.earlierExchanges ?? 0);
    lines.push(`Last exchanges: ${earlier > 0 ? `(${earlier} earlier) ` : ''}${last.join('; ')}`);
  } else {
    lines.push(...exchangeLines(failure, { last: SHOWN_EXCHANGES, headers: false }));
  }
  if (failure.replayCommand) lines.push(`Replay: ${failure.replayCommand}`);
  return lines.map((line) => `${indent}${line}`);
}

export const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';
