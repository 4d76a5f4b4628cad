/** Text tables for the console and the one-line JSON result; nothing here measures anything. */
import type { BucketSummary } from './library.js';
import type { ModelStep } from './model-steps.js';
import type { BackupRun, PreparedDevice } from './prepared-device.js';
import type { DaysResult } from './recently-deleted-days.js';
import type { AppBackupRun } from './timed-backups.js';
import { table } from '../text-table.js';

export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function distributionTable(buckets: readonly BucketSummary[], totalBytes: number): string {
  const rows = buckets.map((b) => [
    b.label,
    num(b.count),
    num(b.minBytes),
    num(b.medianBytes),
    num(b.maxBytes),
    num(b.totalBytes / 1e6, 1),
  ]);
  const count = buckets.reduce((n, b) => n + b.count, 0);
  return table([
    ['bucket', 'items', 'min B', 'median B', 'max B', 'MB'],
    ...rows,
    ['total', num(count), '', '', '', num(totalBytes / 1e6, 1)],
  ]);
}

export function setupLine(p: PreparedDevice): string {
  const raised = p.storageRaised ? ', storage raised with setFreeBytes' : '';
  return (
    `${p.profileId}: ${num(p.freeBytesBefore / 1e9, 1)} GB free${raised}; ${num(p.eligible.length)} eligible items, ` +
    `${num(p.eligibleBytes / 1e6, 1)} MB; device.addMedia ×${num(p.device.mediaItems().length)} took ` +
    `${num(p.addMediaSeconds, 2)} s, hashing ${num(p.hashSeconds, 2)} s (untimed)`
  );
}

export function backupTable(runs: readonly { label: string; run: BackupRun }[]): string {
  return table([
    ['run', 'items', 'MB', 'requests', 'wall s', 'CPU s', 'items/s', 'MB/s', 'status'],
    ...runs.map(({ label, run }) => [
      label,
      num(run.items),
      num(run.bytes / 1e6, 1),
      num(run.requests),
      num(run.seconds, 2),
      num(run.cpuSeconds, 2),
      num(run.itemsPerSecond, 0),
      num(run.mbPerSecond, 2),
      run.problem ? `PROBLEM: ${run.problem}` : 'ok',
    ]),
  ]);
}

export function overheadLines(app: AppBackupRun, bare: BackupRun): string[] {
  const extra = app.seconds - bare.seconds;
  const ratioText = bare.seconds > 0 ? `${num(app.seconds / bare.seconds, 2)}×` : 'n/a';
  const share =
    extra > 0 ? ` (≈ ${num(Math.min(100, (100 * app.estimatedScanSeconds) / extra), 0)}% of the app's extra time)` : '';
  return [
    `  app-model/bare wall time: ${ratioText} (${num(Math.abs(extra), 1)} s ${extra >= 0 ? 'more' : 'less'} with the app model)`,
    `  one job scan (eligibleItems + isConfirmed over ${num(app.items)} items, median after the run): ` +
      `${num(app.scanPassMs, 3)} ms; the job rescans before every item, so ≈ ${num(app.estimatedScanSeconds, 1)} s ` +
      `of the run${share}`,
  ];
}

export function modelTable(steps: readonly ModelStep[]): string {
  return table([
    ['step', 'ops', 'wall s', 'ops/s', 'items/s', 'one op'],
    ...steps.map((s) => [
      s.name,
      num(s.ops),
      num(s.seconds, 2),
      num(s.perSecond, 0),
      s.itemsPerSecond === undefined ? '' : num(s.itemsPerSecond, 0),
      s.unit,
    ]),
  ]);
}

/** The goal: 40 days of a phone's life in at most this much CPU time. */
export const DAYS_CPU_GOAL_S = 0.1;

export function daysLines(d: DaysResult): string[] {
  const byDay = d.recentlyDeletedByDay;
  const around = [38, 39, 40, 41].filter((day) => day <= byDay.length).map((day) => `day ${day}: ${byDay[day - 1]}`);
  return [
    `${d.profileId}, ${num(d.items)} photos backed up; free up space moved ${num(d.removed)} items ` +
      `(${num(d.removedBytes / 1e6, 2)} MB) to Recently Deleted`,
    `virtual time ${num(d.virtualDays)} days (${num(d.hourlyTicks)} hourly timers, ${num(d.deviceEvents)} device ` +
      `events) in ${num(d.wallSeconds * 1000, 1)} ms wall: ${num(d.virtualPerWall, 0)}× faster than real time`,
    `CPU ${num(d.cpuSeconds * 1000, 1)} ms, so ${num(d.cpuSecondsPer40Days * 1000, 1)} ms per 40 virtual days ` +
      `(goal ≤ ${num(DAYS_CPU_GOAL_S * 1000)} ms: ratio ${num(d.cpuSecondsPer40Days / DAYS_CPU_GOAL_S, 2)})`,
    `Recently Deleted at the end of ${around.join(', ')}; first found empty at virtual hour ` +
      `${d.emptiedAtHour ?? 'never'}${d.emptiedAtHour === null ? '' : ` (day ${num(d.emptiedAtHour / 24, 2)})`}`,
    `free storage at the end of day 39: ${num(d.freeBytesDay39)} B; at the end: ${num(d.freeBytesEnd)} B ` +
      `(+${num(d.freeBytesEnd - d.freeBytesDay39)} B released)`,
    d.problem ? `PROBLEM: ${d.problem}` : 'ok',
  ];
}

/** The machine-readable line: every number above, rounded where rounding loses nothing of interest. */
export function resultLine(result: Record<string, unknown>): string {
  return `BENCH_RESULT ${JSON.stringify(result, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value,
  )}`;
}
