/**
 * The live console of `mbsc run`: a progress line redrawn on a terminal (as cells end and on a timer) and printed
 * at each quarter of the run without one, each failure printed once as it ends, advisories counted and never shown as failures, skipped cells
 * never listed. Driven by a fake clock and a recording sink: nothing here waits.
 */
import { describe, expect, it } from 'vitest';
import { consoleReporter, type ConsoleOptions } from '../../../cli/console/console-reporter.js';
import type { CheckInfo, Reporter, RunInfo } from '../../../conformance/runner/reporter.js';
import type { Cell, Summary } from '../../../conformance/runner/summary-schema.js';

const CHECK: CheckInfo = {
  checkId: 'battery-rules',
  title: 'Battery',
  area: 'RUN',
  requirementIds: ['RUN-03', 'RUN-04'],
};
const INFO: RunInfo = {
  kitVersion: '0.0.0',
  target: { kind: 'reference', editions: ['pro'], description: 'the reference server (pro)' },
  seed: 7,
  startedAt: '2026-01-01T00:00:00.000Z',
  command: 'mbsc run',
  columns: ['pro', 'redmi-note-8 @ pro'],
  checks: [CHECK],
  cells: 4,
  work: { total: 4, perCell: { 'battery-rules': 1 } },
};
const REPLAY = 'mbsc run --checks battery-rules --seed 7 --replay 3:1';
const cell = (verdict: Cell['verdict'], extra: Partial<Cell> = {}): Cell => ({
  column: 'redmi-note-8 @ pro',
  edition: 'pro',
  verdict,
  durationMs: 1200,
  runs: 100,
  ...extra,
});
const FAILING = cell('fail', {
  failure: { message: 'backup ran at 29%\nmore detail', requirements: ['RUN-03'], replayCommand: REPLAY },
});
const ADVISORY = cell('advisory', {
  failure: { message: 'an 80-bit secret', requirements: ['RUN-04'], replayCommand: 'mbsc run --advisory' },
});

/** Runs the events through a reporter of `options`, the clock moving `stepMs` before each cell. */
async function drive(options: ConsoleOptions, cells: Cell[], terminal: boolean, stepMs = 1000, info = INFO) {
  let now = 0;
  let text = '';
  const reporter = consoleReporter(options, {
    write: (t) => (text += t),
    terminal,
    now: () => now,
    every: () => () => {},
  }) as Reporter;
  await reporter.onRunStart?.(info);
  for (const c of cells) {
    now += stepMs;
    await reporter.onCellEnd?.(CHECK, c);
  }
  await reporter.onRunEnd({} as Summary);
  return text;
}

/** A reporter whose timer the test ticks by hand: what it was set to, and whether it was stopped. */
function timed(options: ConsoleOptions, terminal: boolean) {
  const state = { now: 0, text: '', ms: 0, stopped: false, tick: () => {} };
  const reporter = consoleReporter(options, {
    write: (t) => (state.text += t),
    terminal,
    now: () => state.now,
    every(ms, tick) {
      state.ms = ms;
      state.tick = tick;
      return () => (state.stopped = true);
    },
  }) as Reporter;
  return { reporter, state };
}

describe('console reporter', () => {
  it('on a terminal redraws one progress line in place and clears it at the end', async () => {
    const text = await drive({ reporter: 'line', quiet: false }, [cell('pass'), cell('skipped'), ADVISORY], true);
    expect(text).toContain('\r\x1b[2K[2/4] 1 passed, 0 failed, 1 skipped');
    expect(text).toMatch(/\[3\/4\] 1 passed, 0 failed, 1 advisory, 1 skipped · about \d+s left/);
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
    // Only the opening line ends in a newline: the progress line never scrolls the terminal.
    expect(text.split('\n')).toHaveLength(2);
  });

  it('without a terminal prints the progress line at 25, 50 and 75 % only, leaving the end to the summary', async () => {
    const cells = Array.from({ length: 240 }, () => cell('pass'));
    // A default run's pace: 240 cells a second apart, four minutes.
    const text = await drive({ reporter: 'line', quiet: false }, cells, false, 1000, { ...INFO, cells: 240 });
    const progress = text.split('\n').filter((l) => l.startsWith('['));
    expect(progress.map((l) => l.split(']')[0])).toEqual(['[ 60/240', '[120/240', '[180/240']);
    expect(text).not.toContain('\r');
  });

  it('without a terminal prints the line after a minute without one, so a slow run shows it is alive', async () => {
    const { reporter, state } = timed({ reporter: 'line', quiet: false }, false);
    await reporter.onRunStart?.({ ...INFO, cells: 100, work: { total: 100, perCell: { 'battery-rules': 1 } } });
    await reporter.onCellEnd?.(CHECK, cell('pass'));
    state.now = 59_000;
    state.tick();
    expect(state.text).not.toContain('[');
    state.now = 61_000;
    state.tick();
    state.tick();
    expect(state.text.split('\n').filter((l) => l.startsWith('['))).toEqual([
      // One cell's end gives no pace to go by: no time left is said.
      '[  1/100] 1 passed, 0 failed, 0 skipped',
    ]);
    await reporter.onRunEnd({} as Summary);
    expect(state.stopped).toBe(true);
  });

  it('on a terminal redraws the line about once a second between cells, and stops its timer at the end', async () => {
    const { reporter, state } = timed({ reporter: 'line', quiet: false }, true);
    await reporter.onRunStart?.({ ...INFO, cells: 20, work: { total: 20, perCell: { 'battery-rules': 1 } } });
    expect(state.ms).toBe(1000);
    for (let at = 10_000; at <= 20_000; at += 2000) {
      state.now = at;
      await reporter.onCellEnd?.(CHECK, cell('pass'));
    }
    // 5 cells' work in the 10 s since the first ended, 14 left: 28 s at the last end, 26 s two seconds later.
    state.now = 22_000;
    state.tick();
    expect(state.text.endsWith('\r\x1b[2K[ 6/20] 6 passed, 0 failed, 0 skipped · about 26s left')).toBe(true);
    await reporter.onRunEnd({} as Summary);
    expect(state.stopped).toBe(true);
  });

  it('prints a failure once as it ends, with requirements, column, message and replay; an advisory not', async () => {
    for (const reporter of ['line', 'list', 'dot'] as const) {
      const text = await drive({ reporter, quiet: false }, [FAILING, ADVISORY, cell('pass')], false);
      const heads = text.split('\n').filter((l) => l.includes('FAIL'));
      expect(heads, reporter).toEqual(['  FAIL RUN-03 · battery-rules [redmi-note-8 @ pro]: backup ran at 29%']);
      expect(text.match(/Replay: /g), reporter).toHaveLength(1);
      expect(text).toContain(`      Replay: ${REPLAY}`);
      expect(text).not.toContain('an 80-bit secret');
      expect(text).not.toContain('more detail');
    }
  });

  it('prints an errored cell with its reason', async () => {
    const text = await drive(
      { reporter: 'line', quiet: false },
      [cell('error', { reason: 'the kit failed: boom' })],
      false,
    );
    expect(text).toContain('  ERROR RUN-03, RUN-04 · battery-rules [redmi-note-8 @ pro]: the kit failed: boom');
  });

  it('list names each cell that ran, never a skipped one; dot gives one character per cell that ran', async () => {
    const cells = [cell('pass'), cell('skipped', { reason: 'not on iOS' }), ADVISORY];
    const list = await drive({ reporter: 'list', quiet: false }, cells, false);
    expect(list).toMatch(/^ {2}\[1\/4\] pass {5}battery-rules {2}redmi-note-8 @ pro {2}\(100 runs, 1\.2 s\)$/m);
    expect(list).toMatch(/^ {2}\[3\/4\] advisory battery-rules/m);
    expect(list).not.toContain('skipped');
    const dot = await drive(
      { reporter: 'dot', quiet: false },
      [cell('pass'), cell('skipped'), ADVISORY, FAILING],
      false,
    );
    expect(dot.split('\n')[1]).toBe('·aF');
    // An untested or errored cell has a mark of its own, never a pass's.
    const lacking = [cell('untested', { reason: 'no clock' }), cell('error', { reason: 'the kit failed: boom' })];
    const marks = await drive({ reporter: 'dot', quiet: false }, lacking, false);
    expect(marks.split('\n')[1]).toBe('uE');
  });

  it('has no live output with --quiet or --reporter json', () => {
    const sink = { write: () => {}, terminal: true, now: () => 0 };
    expect(consoleReporter({ reporter: 'line', quiet: true }, sink)).toBeUndefined();
    expect(consoleReporter({ reporter: 'json', quiet: false }, sink)).toBeUndefined();
  });
});
