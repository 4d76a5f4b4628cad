/**
 * The goal's measure: the default app suites over two profiles through Appium, against the same selection in
 * process (≤ 5×). Both are `mbsc run` as a user runs it, on the Pro edition with the same seed and runs; through
 * Appium the checks of the screens drive the app over WebDriver, in process their session-model counterparts run.
 * Wall time and the CPU of each whole process tree (Appium and its driver included).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Summary } from '../../conformance/runner/summary-schema.js';
import { table } from '../text-table.js';
import { timedMbsc, type TimedCommand } from '../timed-cli.js';

export const SUITE_PROFILES = ['redmi-note-8', 'iphone-12-mini'] as const;
/** The goal: through Appium at most this many times the in-process run's wall time. */
export const APPIUM_RATIO_GOAL = 5;

export interface SuiteWay {
  readonly via: 'in-process' | 'appium';
  readonly run: TimedCommand;
  readonly verdict: string | null;
  /** Cells that ran (not skipped). */
  readonly ran: number;
}

async function suiteWay(via: SuiteWay['via'], runs: number, seed: number): Promise<SuiteWay> {
  const out = mkdtempSync(path.join(tmpdir(), `mbsc-bench-appium-${via}-`));
  try {
    const run = await timedMbsc([
      'run',
      ...['--editions', 'pro', '--profiles', SUITE_PROFILES.join(',')],
      ...['--via', via, '--seed', String(seed), '--runs', String(runs), '--out', out, '--quiet'],
    ]);
    let summary: Summary | undefined;
    try {
      summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Summary;
    } catch {
      // No report: the verdict stays null and the output's tail says why.
    }
    const ran = summary?.checks.reduce((n, c) => n + c.cells.filter((x) => x.verdict !== 'skipped').length, 0) ?? 0;
    return { via, run, verdict: summary?.verdict ?? null, ran };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Runs both ways one after the other and prints them with their ratio; answers the problems seen. */
export async function suiteRatio(runs: number, seed: number, progress: (line: string) => void): Promise<string[]> {
  progress(`the app suites over ${SUITE_PROFILES.join(', ')} in process…`);
  const inProcess = await suiteWay('in-process', runs, seed);
  progress('the same selection through Appium…');
  const appium = await suiteWay('appium', runs, seed);
  const cpu = (w: SuiteWay) => (w.run.cpuSeconds === null ? 'n/a' : w.run.cpuSeconds.toFixed(1));
  console.log(`\n== The default app suites on Pro over ${SUITE_PROFILES.join(', ')}, --runs ${runs}, seed ${seed} ==`);
  console.log(
    table([
      ['way', 'cells run', 'verdict', 'wall s', 'CPU s (whole tree)'],
      ...[inProcess, appium].map((w) => [
        w.via,
        String(w.ran),
        w.verdict ?? `exit ${w.run.exitCode}`,
        w.run.wallSeconds.toFixed(1),
        cpu(w),
      ]),
    ]),
  );
  const wallRatio = appium.run.wallSeconds / inProcess.run.wallSeconds;
  const cpuRatio =
    appium.run.cpuSeconds !== null && inProcess.run.cpuSeconds
      ? appium.run.cpuSeconds / inProcess.run.cpuSeconds
      : null;
  console.log(
    `through Appium / in process: wall ${wallRatio.toFixed(2)}x, CPU ${cpuRatio === null ? 'n/a' : `${cpuRatio.toFixed(2)}x`} ` +
      `(goal ≤ ${APPIUM_RATIO_GOAL}x: wall ratio against the goal ${(wallRatio / APPIUM_RATIO_GOAL).toFixed(2)})`,
  );
  for (const w of [inProcess, appium]) console.log(`  ${w.via}: mbsc ${w.run.args.join(' ')}`);
  console.log(
    `BENCH_RESULT ${JSON.stringify({ bench: 'appium-suite', runs, seed, profiles: SUITE_PROFILES, inProcess: { wallSeconds: inProcess.run.wallSeconds, cpuSeconds: inProcess.run.cpuSeconds, verdict: inProcess.verdict }, appium: { wallSeconds: appium.run.wallSeconds, cpuSeconds: appium.run.cpuSeconds, verdict: appium.verdict }, wallRatio, cpuRatio, goal: APPIUM_RATIO_GOAL })}`,
  );
  return [inProcess, appium].flatMap((w) =>
    w.verdict === null ? [`the ${w.via} run wrote no report (exit ${w.run.exitCode}):\n${w.run.tail}`] : [],
  );
}
