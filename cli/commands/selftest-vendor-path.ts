/**
 * `mbsc selftest --vendor-path`: each server variant as its own `mbsc serve --fault NAME` process, validated over
 * HTTP without and with the conformance clock; prints both columns and the totals. Exit 0 only when every variant
 * is caught in each column where it should be (without the clock: those that need none; with it: all).
 */
import { fileURLToPath } from 'node:url';
import type { Check } from '../../conformance/kit/check.js';
import { FAULTS, type FaultSpec, type ServerFault } from '../../conformance/spec/faults.js';
import { killAllStarted } from '../../conformance/targets/started-processes.js';
import {
  caughtIn,
  fallsShort,
  vendorPath,
  type Cell,
  type Column,
  type VendorPathResult,
  type VendorPathRow,
} from '../../conformance/selftest/vendor-path.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { EXIT, type CommandIo } from '../command.js';
import { kitVersion } from '../kit-version.js';
import { table } from '../table.js';

export interface VendorPathRun {
  readonly faults: readonly ServerFault[];
  readonly checks: readonly Check[];
  readonly claimedOnly: boolean;
  readonly profiles: readonly DeviceSpec[];
  readonly seed: number;
  readonly runs: number;
  readonly concurrency: number;
  readonly json: boolean;
}

/** The `mbsc` this command runs from: every variant's server is the same build. */
const CLI = fileURLToPath(new URL('../bin.js', import.meta.url));

/**
 * The longest one column may run when a variant shows only across restarts: its nemesis kills and starts an `mbsc
 * serve` process several times a sequence, and a failure it finds is shrunk by more such sequences. On two busy
 * CPUs a column of open-job-dropped-on-restart took longer than the default 10 minutes and read as an error.
 */
const RESTART_VARIANT_TIMEOUT_MS = 30 * 60_000;

const needsRestart = (fault: ServerFault) => (FAULTS[fault] as FaultSpec).needsRestart === true;

export async function runVendorPath(run: VendorPathRun, io: CommandIo): Promise<number> {
  io.err(
    `mbsc selftest --vendor-path: ${run.faults.length} server variants, ${run.checks.length} checks` +
      `${run.claimedOnly ? ' (each variant those that claim its requirements)' : ''}, ` +
      `seed ${run.seed}, ${run.runs} runs per property`,
  );
  // Listening before the first server starts: a Ctrl+C at any point stops them all.
  const stopped = io.waitForStop();
  const measured = vendorPath({
    ...run,
    ...(run.faults.some(needsRestart) ? { variantTimeoutMs: RESTART_VARIANT_TIMEOUT_MS } : {}),
    cli: CLI,
    kitVersion: kitVersion(),
    onRow: (row, done, total) => io.err(`  [${done}/${total}] ${row.fault}: ${verdictOf(row)}`),
  });
  const outcome = await Promise.race([measured, stopped]);
  if (typeof outcome === 'string') {
    killAllStarted();
    io.err(`mbsc selftest: stopped (${outcome}); every server it started is stopped.`);
    return 130;
  }
  if (run.json) io.out(JSON.stringify({ seed: run.seed, runs: run.runs, ...outcome }, null, 2));
  else printColumns(outcome, io);
  const short = outcome.rows.filter((row) => fallsShort(row, 'without') || fallsShort(row, 'with'));
  if (short.length > 0) io.out(`Should have been caught: ${short.map((r) => r.fault).join(', ')}`);
  return short.length === 0 ? EXIT.ok : EXIT.failed;
}

function printColumns(result: VendorPathResult, io: CommandIo): void {
  const rows = result.rows.map((row) => [
    row.fault,
    row.needsClock ? 'yes' : 'no',
    cellText(row, 'without'),
    cellText(row, 'with'),
    verdictOf(row),
  ]);
  io.out(table(['variant', 'needs clock', 'without clock', 'with clock', 'verdict'], rows));
  const total = result.rows.length;
  const count = (column: Column) => result.rows.filter((r) => caughtIn(r[column]) === true).length;
  const clockless = result.rows.filter((r) => !r.needsClock).length;
  const onlyWith = result.rows.filter((r) => verdictOf(r) === 'caught only with the clock').length;
  if (result.straightFails.length > 0) {
    io.out(
      `The straight server already fails ${result.straightFails.join(', ')} here: no variant counts as caught by them.`,
    );
  }
  io.out(`Without the clock: caught ${count('without')} of ${total} (${clockless} need no clock)`);
  io.out(
    result.clockUnavailable
      ? `With the clock: ${result.clockUnavailable}`
      : `With the clock: caught ${count('with')} of ${total}; caught only with the clock: ${onlyWith}`,
  );
  io.out(`Wall time ${(result.durationMs / 1000).toFixed(1)} s`);
}

function cellText(row: VendorPathRow, column: Column): string {
  const cell: Cell = row[column];
  if (cell.kind === 'n/a') return 'n/a';
  if (cell.kind === 'error') return `error: ${cell.reason}`;
  if (cell.result.caught) return 'caught';
  return column === 'without' && row.needsClock ? 'missed (needs clock)' : 'MISSED';
}

/** The row in a word: caught, caught only with the clock, or missed (and where it was not measured). */
export function verdictOf(row: VendorPathRow): string {
  const without = caughtIn(row.without);
  const withClock = caughtIn(row.with);
  if (row.without.kind === 'n/a' && row.with.kind === 'n/a') return `not measured: ${row.without.reason}`;
  if (without === true) return 'caught';
  if (withClock === true) return 'caught only with the clock';
  if (row.with.kind === 'n/a' && without === false && row.needsClock) return 'missed without the clock (needs it)';
  if (row.without.kind === 'error' || row.with.kind === 'error') return 'error';
  return 'missed';
}
