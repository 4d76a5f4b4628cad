/**
 * The latency-over-time plot of the load report, drawn as inline SVG: p50, p99 and max of the requests that began
 * in each time bucket, on a logarithmic latency axis (a loopback request of 2 ms and a queued one of 8 s both show),
 * with the buckets that had errors marked under the time axis.
 */
import type { TimelinePoint } from '../../conformance/load/load-recorder.js';

const WIDTH = 900;
const HEIGHT = 300;
const PAD = { left: 60, right: 16, top: 16, bottom: 44 };
const SERIES = [
  { key: 'maxMs', label: 'max', colour: '#b9bec7' },
  { key: 'p99Ms', label: 'p99', colour: '#d9480f' },
  { key: 'p50Ms', label: 'p50', colour: '#1c7ed6' },
] as const;

export function latencyPlot(points: readonly TimelinePoint[], bucketMs: number, durationMs: number): string {
  if (points.length === 0) return '<p>No request was timed.</p>';
  const spanMs = Math.max(durationMs, (points.at(-1)?.atMs ?? 0) + bucketMs);
  const top = niceCeiling(Math.max(...points.map((p) => p.maxMs), 1));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (ms: number) => PAD.left + (ms / spanMs) * plotW;
  const y = (ms: number) => PAD.top + plotH - (Math.log10(Math.max(ms, 0.1) / 0.1) / Math.log10(top / 0.1)) * plotH;
  const ticks = [1, 10, 100, 1000, 10000, 100000].filter((t) => t <= top);
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" class="grid"/>` +
        `<text x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t >= 1000 ? `${t / 1000} s` : `${t} ms`}</text>`,
    )
    .join('');
  const seconds = timeTicks(spanMs)
    .map(
      (ms) =>
        `<text x="${x(ms).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${ms / 1000} s</text>`,
    )
    .join('');
  const lines = SERIES.map(({ key, colour }) => {
    const path = points.map((p) => `${x(p.atMs + bucketMs / 2).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
    return `<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="1.5"/>`;
  }).join('');
  const errors = points
    .filter((p) => p.errors > 0)
    .map(
      (p) =>
        `<rect x="${x(p.atMs).toFixed(1)}" y="${HEIGHT - PAD.bottom + 22}" width="${Math.max(1, x(p.atMs + bucketMs) - x(p.atMs)).toFixed(1)}" height="6" class="err"><title>${p.errors} error(s)</title></rect>`,
    )
    .join('');
  const legend = SERIES.map(
    ({ label, colour }, i) =>
      `<rect x="${PAD.left + 10 + i * 70}" y="${PAD.top}" width="12" height="3" fill="${colour}"/>` +
      `<text x="${PAD.left + 26 + i * 70}" y="${PAD.top + 5}">${label}</text>`,
  ).join('');
  const axis = `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${HEIGHT - PAD.bottom}" class="axis"/>`;
  return (
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Request latency over time: p50, p99 and max per ${bucketMs} ms">` +
    `${grid}${axis}${seconds}${lines}${errors}${legend}</svg>`
  );
}

/** The smallest power of ten at or above `ms`. */
function niceCeiling(ms: number): number {
  return 10 ** Math.ceil(Math.log10(ms));
}

/** About eight labels along the time axis, at whole seconds. */
function timeTicks(spanMs: number): number[] {
  const step = Math.max(1000, Math.ceil(spanMs / 8 / 1000) * 1000);
  const out: number[] = [];
  for (let ms = 0; ms <= spanMs; ms += step) out.push(ms);
  return out;
}
