/**
 * The run's output: readable tables, then one `BENCH_RESULT {json}` line with every number for later tooling.
 * Nothing here judges timing; the throughput target is printed next to the ratio, never enforced.
 */
import type { LatencySummary } from './latency.js';
import type { SmallCommitsResult } from './small-commits-phase.js';
import type { ThroughputResult } from './throughput-phase.js';

export const RATIO_TARGET = 0.9;
const MIB = 1024 * 1024;

export interface Ratio {
  readonly clients: number;
  readonly referenceMBps: number;
  readonly baselineMBps: number;
  readonly ratio: number;
  readonly target: number;
}

/** Reference over baseline per client count; over several rounds, each side's total bytes over its total time. */
export function ratios(results: readonly ThroughputResult[]): Ratio[] {
  const counts = [...new Set(results.map((r) => r.clients))];
  return counts.map((clients) => {
    const rate = (kind: string) => {
      const runs = results.filter((r) => r.clients === clients && r.server === kind);
      return runs.reduce((s, r) => s + r.bytes, 0) / MIB / runs.reduce((s, r) => s + r.seconds, 0);
    };
    const referenceMBps = rate('reference');
    const baselineMBps = rate('baseline');
    return { clients, referenceMBps, baselineMBps, ratio: referenceMBps / baselineMBps, target: RATIO_TARGET };
  });
}

export function throughputTable(results: readonly ThroughputResult[]): string {
  const rows = results.map((r) => [
    String(r.clients),
    String(r.round),
    r.server,
    r.diskFsyncMs.toFixed(2),
    `${(r.bytes / MIB).toFixed(0)} / ${r.items}`,
    r.seconds.toFixed(2),
    r.mbPerSecond.toFixed(1),
    ms(r.latency['appendUpload'] ?? r.latency['baselineAppend'], 'p50Ms'),
    ms(r.latency['appendUpload'] ?? r.latency['baselineAppend'], 'p99Ms'),
    r.cost.serverCpuSeconds.toFixed(1),
    r.cost.serverMainThreadCpuSeconds.toFixed(1),
    r.cost.clientCpuSeconds.toFixed(1),
    mb(r.cost.serverRssPeakBytes),
    String(r.errors),
  ]);
  const head = ['clients', 'round', 'server', 'fsync ms', 'sent MB/items', 'seconds', 'MB/s', 'chunk p50', 'chunk p99'];
  return table([...head, 'srv CPU s', 'its loop s', 'cli CPU s', 'srv RSS', 'errors'], rows);
}

export function ratioTable(list: readonly Ratio[]): string {
  const rows = list.map((r) => [
    String(r.clients),
    r.referenceMBps.toFixed(1),
    r.baselineMBps.toFixed(1),
    r.ratio.toFixed(3),
    `≥ ${r.target}`,
    r.ratio >= r.target ? 'met' : 'BELOW TARGET',
  ]);
  return table(['clients', 'reference MB/s', 'baseline MB/s', 'ratio', 'target', ''], rows);
}

export function smallCommitsTable(result: SmallCommitsResult): string {
  const rows = Object.entries(result.latency).map(([kind, s]) => [
    kind,
    String(s.count),
    s.meanMs.toFixed(1),
    s.p50Ms.toFixed(1),
    s.p99Ms.toFixed(1),
    s.maxMs.toFixed(1),
  ]);
  const summary = [
    `${result.committed}/${result.devices} devices committed, ${result.requests} requests in ` +
      `${result.seconds.toFixed(2)} s (${result.requestsPerSecond.toFixed(0)} req/s), errors: ${result.errors}` +
      (result.errors > 0 ? ` ${JSON.stringify(result.errorCodes)}` : ''),
    `server RSS: ${mb(result.cost.serverRssStartBytes)} at start, peak ${mb(result.cost.serverRssPeakBytes)} ` +
      `(sampled every 50 ms), VmHWM ${mb(result.cost.serverHwmBytes)}; server CPU ` +
      `${result.cost.serverCpuSeconds.toFixed(1)} s (its main thread ` +
      `${result.cost.serverMainThreadCpuSeconds.toFixed(1)} s), client CPU ${result.cost.clientCpuSeconds.toFixed(1)} s; ` +
      `disk fsync ${result.diskFsyncMs.toFixed(2)} ms before the phase`,
  ];
  return `${table(['request', 'count', 'mean ms', 'p50 ms', 'p99 ms', 'max ms'], rows)}\n${summary.join('\n')}`;
}

export function resultLine(result: unknown): string {
  return `BENCH_RESULT ${JSON.stringify(result, (_, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? null : value,
  )}`;
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function ms(summary: LatencySummary | undefined, field: 'p50Ms' | 'p99Ms'): string {
  return summary ? `${summary[field].toFixed(1)} ms` : '-';
}

function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / MIB).toFixed(0)} MB` : 'n/a';
}
