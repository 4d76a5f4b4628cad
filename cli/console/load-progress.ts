/**
 * The live line of `mbsc load`, on stderr: on a terminal one line redrawn in place, without one (CI) the line again
 * every few seconds at most, as `mbsc run`'s console does.
 */
import type { LoadProgress } from '../../conformance/load/load-run.js';
import type { ConsoleSink } from './console-reporter.js';

export interface LoadProgressLine {
  show(progress: LoadProgress): void;
  /** Clears a redrawn line, so what follows starts on a clean row. */
  end(): void;
}

export function loadProgressLine(sink: ConsoleSink, intervalMs = 5000): LoadProgressLine {
  let drawn = false;
  let last = -Infinity;
  return {
    show(progress) {
      const text = progressText(progress);
      if (sink.terminal) {
        sink.write(`${drawn ? '\r\x1b[2K' : ''}${sink.columns ? text.slice(0, sink.columns - 1) : text}`);
        drawn = true;
      } else if (sink.now() - last >= intervalMs) {
        sink.write(`${text}\n`);
        last = sink.now();
      }
    },
    end() {
      if (drawn) sink.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** `[ 12s/30s] phones 950/1000 paired · 1234 operations, 0 errors · 5678 requests · p99 (last 5 s) 42 ms` */
export function progressText(p: LoadProgress): string {
  const total = Math.round(p.durationMs / 1000);
  const elapsed = Math.min(total, Math.floor(p.elapsedMs / 1000));
  const width = String(total).length;
  return (
    `[${String(elapsed).padStart(width)}s/${total}s] phones ${p.paired}/${p.devices} paired · ` +
    `${p.operations.done} operations, ${p.operations.errors} errors · ${p.requests.done} requests · ` +
    `p99 (last 5 s) ${Math.round(p.recentP99Ms)} ms`
  );
}
