/**
 * The live console of `mbsc run` and `mbsc validate`, on stderr. `line` (the default): on a terminal one progress
 * line redrawn in place, as cells end and about once a second between (its time left moves on); in CI (no terminal)
 * that line at 25, 50 and 75 % of the cells, and after a minute without one, so a default run's log fits on a
 * screen and a slow run still shows it is alive. `list`: a line per cell that
 * ran (skipped cells are counted, not listed). `dot`: a character per cell that ran. Whatever the style, each failing
 * or errored cell is printed once, as it ends, with its requirements, column, message and replay command; an
 * advisory finding is counted, never printed as a failure. `--quiet` and `--reporter json` have no live console.
 * Every cell stays in the reports; the closing summary (verdict-output.ts) is printed after the run.
 */
import { subsetLines } from '../subset-lines.js';
import type { CheckInfo, Reporter, RunInfo } from '../../conformance/runner/reporter.js';
import type { Cell } from '../../conformance/runner/summary-schema.js';
import { failureDetailLines, firstLine } from '../finding-output.js';
import type { ConsoleReporterName } from './console-reporter-name.js';
import { RunTally } from './run-tally.js';

/** Where the console writes, and what it knows of it. */
export interface ConsoleSink {
  /** Writes text as it is (the caller adds newlines). */
  write(text: string): void;
  /** Whether the output is a terminal, where a line can be redrawn in place. */
  readonly terminal: boolean;
  /** The terminal's width, to keep the redrawn line on one row. */
  readonly columns?: number;
  now(): number;
  /** Calls `tick` every `ms` until stopped, never keeping the process alive (default: an unref'd setInterval). */
  every?(ms: number, tick: () => void): () => void;
}

export interface ConsoleOptions {
  readonly reporter: ConsoleReporterName;
  readonly quiet: boolean;
  /** Without a terminal, the longest time without a progress line between the quarters (default 60 s). */
  readonly heartbeatMs?: number;
  /** On a terminal, how often the progress line is redrawn between cells (default 1 s). */
  readonly refreshMs?: number;
}

const DOT: Partial<Record<Cell['verdict'], string>> = {
  pass: '·',
  fail: 'F',
  advisory: 'a',
  error: 'E',
  untested: 'u',
};
const DOTS_PER_ROW = 80;

function everyMs(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** Which quarter of the cells `done` of `total` have reached: 0 to 4. */
const quarterOf = (done: number, total: number) => (total > 0 ? Math.floor((done * 4) / total) : 4);

/** The live reporter of these options, or none when the console shows only the closing summary. */
export function consoleReporter(options: ConsoleOptions, sink: ConsoleSink): Reporter | undefined {
  if (options.quiet || options.reporter === 'json') return undefined;
  const style = options.reporter;
  const heartbeat = options.heartbeatMs ?? 60_000;
  let tally: RunTally | undefined;
  let lastProgress = -Infinity;
  let quarter = 0;
  let stopTimer: (() => void) | undefined;
  let drawn = false;
  let dots = 0;

  const clear = () => {
    if (drawn) sink.write('\r\x1b[2K');
    drawn = false;
  };
  const endDots = () => {
    if (dots > 0) sink.write('\n');
    dots = 0;
  };
  const print = (lines: readonly string[]) => {
    clear();
    endDots();
    for (const line of lines) sink.write(`${line}\n`);
  };
  const progress = () => {
    if (!tally || style !== 'line') return;
    const text = tally.line(sink.now());
    if (sink.terminal) {
      clear();
      sink.write(sink.columns ? text.slice(0, sink.columns - 1) : text);
      drawn = true;
      return;
    }
    // In CI the closing summary gives the end: a line per quarter reached before it, or after a long silence.
    const reached = quarterOf(tally.done, tally.total);
    if (reached >= 4) return;
    if (reached > quarter || sink.now() - lastProgress >= heartbeat) {
      sink.write(`${text}\n`);
      lastProgress = sink.now();
      quarter = Math.max(quarter, reached);
    }
  };

  return {
    name: 'console',
    onRunStart(info: RunInfo) {
      tally = new RunTally(info.cells ?? info.checks.length * info.columns.length, sink.now(), info.work);
      print([
        `Testing ${info.target.description}, seed ${info.seed}: ${info.checks.length} checks on ` +
          `${info.columns.length} columns, ${tally.total} cells`,
        ...subsetLines(info),
      ]);
      lastProgress = sink.now();
      if (style === 'line') {
        const ms = sink.terminal ? (options.refreshMs ?? 1000) : heartbeat / 4;
        stopTimer = (sink.every ?? everyMs)(ms, progress);
      }
    },
    onCellEnd(check: CheckInfo, cell: Cell) {
      tally?.add(cell.verdict, check.checkId, sink.now());
      if (style === 'list' && cell.verdict !== 'skipped') print([listLine(tally, check, cell)]);
      if (style === 'dot' && DOT[cell.verdict]) {
        clear();
        sink.write(DOT[cell.verdict] as string);
        if (++dots === DOTS_PER_ROW) endDots();
      }
      if (cell.verdict === 'fail' || cell.verdict === 'error') print(findingLines(check, cell));
      progress();
    },
    onRunEnd() {
      stopTimer?.();
      stopTimer = undefined;
      clear();
      endDots();
    },
  };
}

function listLine(tally: RunTally | undefined, check: CheckInfo, cell: Cell): string {
  const count = tally ? `[${String(tally.done).padStart(String(tally.total).length)}/${tally.total}]` : '';
  const detail = cell.reason ?? `${cell.runs} runs, ${(cell.durationMs / 1000).toFixed(1)} s`;
  return `  ${count} ${cell.verdict.padEnd(8)} ${check.checkId}  ${cell.column}  (${detail})`;
}

/** A failing or errored cell, once: what it breaks, where, why, and the command that replays it. */
function findingLines(check: CheckInfo, cell: Cell): string[] {
  const ids = cell.failure?.requirements ?? check.requirementIds;
  const why = cell.verdict === 'error' ? (cell.reason ?? cell.failure?.message ?? '') : (cell.failure?.message ?? '');
  const head = `  ${cell.verdict.toUpperCase()} ${ids.join(', ')} · ${check.checkId} [${cell.column}]: ${firstLine(why)}`;
  return [head, ...(cell.failure ? failureDetailLines(cell.failure, '      ', { brief: true }) : [])];
}
