/** What `mbsc load` does once its options are parsed (load.ts declares them). */
import path from 'node:path';
import type { LatencyStats } from '../../conformance/load/latency-stats.js';
import { loadClean, type LoadReport } from '../../conformance/load/load-report.js';
import { runLoad } from '../../conformance/load/load-run.js';
import { writeLoadReports } from '../../reports/load/load-files.js';
import { EXIT, type CommandIo, type ParsedOptions } from '../command.js';
import { consoleSinkOf } from '../console/console-sink.js';
import { loadProgressLine } from '../console/load-progress.js';
import { table } from '../table.js';
import type { LOAD_OPTIONS } from './load-options.js';
import { loadPlanOf } from './load-plan-options.js';

export async function load(options: ParsedOptions<typeof LOAD_OPTIONS>, io: CommandIo): Promise<number> {
  const plan = loadPlanOf(options);
  const abort = new AbortController();
  void io.waitForStop().then(() => abort.abort());
  const line = options.quiet ? undefined : loadProgressLine(consoleSinkOf(io));
  io.err(
    `Loading ${plan.server} with ${plan.devices} phone(s) for ${plan.durationMs / 1000} s ` +
      `(ramp ${plan.rampMs / 1000} s, seed ${plan.seed})`,
  );
  let report: LoadReport;
  try {
    report = await runLoad(plan, { signal: abort.signal, ...(line ? { onProgress: (p) => line.show(p) } : {}) });
  } finally {
    line?.end();
  }
  const files = await writeLoadReports(report, path.resolve(options.out));
  for (const text of summaryLines(report)) io.out(text);
  io.out(`Reports: ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}`);
  return loadClean(report) ? EXIT.ok : EXIT.failed;
}

export function summaryLines(report: LoadReport): string[] {
  const rows = (stats: Readonly<Record<string, LatencyStats>>) =>
    Object.entries(stats).map(([name, s]) => [
      name,
      String(s.count),
      String(s.errors),
      ...[s.p50Ms, s.p90Ms, s.p99Ms, s.maxMs].map((ms) => ms.toFixed(1)),
    ]);
  const headers = ['', 'count', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'];
  const errors = Object.entries(report.errors.operations).map(([code, n]) => `${code} × ${n}`);
  const { phones, throughput, cost } = report;
  return [
    `${phones.started} phones started, ${phones.paired} paired, ${phones.registered} registered for 2FA` +
      (phones.unfinished > 0 ? `, ${phones.unfinished} unfinished at the hard stop` : ''),
    ...report.notes.map((n) => `Note: ${n}`),
    '',
    table(['operation', ...headers.slice(1)], rows(report.operations)),
    '',
    table(['request', ...headers.slice(1)], rows(report.requests)),
    '',
    `Errors by code: ${errors.length > 0 ? errors.join(', ') : 'none'}`,
    `Throughput: ${throughput.operationsPerSecond} operations/s, ${throughput.requestsPerSecond} requests/s`,
    `Wall ${(cost.wallMs / 1000).toFixed(1)} s; CPU of the phones ${(cost.cpuUserMs / 1000).toFixed(1)} s user + ` +
      `${(cost.cpuSystemMs / 1000).toFixed(1)} s system`,
    loadClean(report) ? 'No errors.' : 'ERRORS: see above and the reports.',
  ];
}
