/**
 * load.html: the load report as one self-contained page with no script at all: the plan and the server met,
 * latency percentiles per operation and per request, errors by code, throughput and what it cost, and the
 * latency-over-time plot. Every string from the server or the run is escaped; a Content-Security-Policy allows only
 * the one inline style, by hash.
 */
import { createHash } from 'node:crypto';
import type { LatencyStats } from '../../conformance/load/latency-stats.js';
import type { LoadReport } from '../../conformance/load/load-report.js';
import { loadClean } from '../../conformance/load/load-report.js';
import { escapeHtml } from '../html/html-document.js';
import { latencyPlot } from './latency-plot.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#212529}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}table{border-collapse:collapse;margin:8px 0}
th,td{padding:3px 10px;border-bottom:1px solid #dee2e6;text-align:right}th:first-child,td:first-child{text-align:left}
.pass{color:#2b8a3e}.fail{color:#c92a2a}svg{width:100%;height:auto;font-size:11px}
svg text{fill:#495057}.grid{stroke:#e9ecef}.axis{stroke:#868e96}.err{fill:#c92a2a}`;

export function loadHtml(report: LoadReport): string {
  const clean = loadClean(report);
  const verdict = clean ? '<span class="pass">no errors</span>' : '<span class="fail">errors</span>';
  const csp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'`;
  const { plan, server, throughput, cost } = report;
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<title>mbsc load: ${plan.devices} phones against ${e(server.url)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>mbsc load: ${plan.devices} phones, ${plan.durationMs / 1000} s, ${verdict}</h1>
<p>${e(server.name)} — ${e(server.edition)} edition ${e(server.desktopVersion)} at ${e(server.url)}${server.twoFactor ? ', 2FA offered' : ''}.
Started ${e(report.startedAt)}; ramp ${plan.rampMs / 1000} s, mean pause ${plan.thinkMs} ms, a desktop login every ${plan.loginEveryMs} ms, ${plan.items} item(s) of
${plan.itemBytes} bytes per backup, seed ${plan.seed}.</p>
<p>Phones started ${report.phones.started}, paired ${report.phones.paired}, registered for 2FA ${report.phones.registered}${
    report.phones.unfinished > 0 ? `, unfinished at the hard stop ${report.phones.unfinished}` : ''
  }. Throughput ${throughput.operationsPerSecond} operations/s, ${throughput.requestsPerSecond} requests/s. Wall
${(cost.wallMs / 1000).toFixed(1)} s; CPU of the load process ${(cost.cpuUserMs / 1000).toFixed(1)} s user +
${(cost.cpuSystemMs / 1000).toFixed(1)} s system.</p>
${report.notes.map((n) => `<p><strong>Note:</strong> ${e(n)}</p>`).join('\n')}
<h2>Request latency over time</h2>
${latencyPlot(report.timeline.requests, report.timeline.bucketMs, plan.durationMs)}
<h2>Operations</h2>
${statsTable(report.operations)}
<h2>Requests</h2>
${statsTable(report.requests)}
<h2>Errors by code</h2>
${errorsTable(report.errors.operations, 'failed operations')}
${errorsTable(report.errors.requests, 'failed requests')}
</body>
</html>
`;
}

function statsTable(stats: Readonly<Record<string, LatencyStats>>): string {
  const head =
    '<tr><th>name</th><th>count</th><th>errors</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>max ms</th></tr>';
  const rows = Object.entries(stats).map(
    ([name, s]) =>
      `<tr><td>${escapeHtml(name)}</td><td>${s.count}</td><td${s.errors > 0 ? ' class="fail"' : ''}>${s.errors}</td>` +
      `<td>${s.p50Ms}</td><td>${s.p90Ms}</td><td>${s.p99Ms}</td><td>${s.maxMs}</td></tr>`,
  );
  return `<table>${head}${rows.join('')}</table>`;
}

function errorsTable(counts: Readonly<Record<string, number>>, what: string): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) return `<p>No ${what}.</p>`;
  const rows = entries.map(([code, n]) => `<tr><td>${escapeHtml(code)}</td><td>${n}</td></tr>`).join('');
  return `<table><tr><th>code (${what})</th><th>count</th></tr>${rows}</table>`;
}
