/**
 * What a phase cost besides its wall time: the server's CPU seconds and peak resident memory (sampled from /proc,
 * plus the kernel's high-water mark), and the CPU seconds of this process, the clients. A client CPU close to the
 * wall time means the clients, not the server, set the pace.
 */
import type { ServerProcess } from './server-process.js';

const SAMPLE_EVERY_MS = 50;

export interface PhaseCost {
  readonly wallSeconds: number;
  readonly serverCpuSeconds: number;
  /** Of `serverCpuSeconds`, the server's main thread (its event loop): the rest is its I/O pool, hashing and GC. */
  readonly serverMainThreadCpuSeconds: number;
  readonly clientCpuSeconds: number;
  /** Server RSS when the phase began, the highest sampled during it, and the process's lifetime high-water mark. */
  readonly serverRssStartBytes: number;
  readonly serverRssPeakBytes: number;
  readonly serverHwmBytes: number;
}

export interface PhaseMonitor {
  stop(): PhaseCost;
}

export function monitorPhase(server: ServerProcess): PhaseMonitor {
  const first = server.probe();
  const clientStart = process.cpuUsage();
  const start = performance.now();
  let peak = first?.rssBytes ?? NaN;
  const timer = setInterval(() => {
    const probe = server.probe();
    if (probe && !(probe.rssBytes <= peak)) peak = probe.rssBytes;
  }, SAMPLE_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      const wallSeconds = (performance.now() - start) / 1000;
      const last = server.probe();
      const client = process.cpuUsage(clientStart);
      if (last && !(last.rssBytes <= peak)) peak = last.rssBytes;
      return {
        wallSeconds,
        serverCpuSeconds: last && first ? last.cpuSeconds - first.cpuSeconds : NaN,
        serverMainThreadCpuSeconds: last && first ? last.mainThreadCpuSeconds - first.mainThreadCpuSeconds : NaN,
        clientCpuSeconds: (client.user + client.system) / 1e6,
        serverRssStartBytes: first?.rssBytes ?? NaN,
        serverRssPeakBytes: peak,
        serverHwmBytes: last?.hwmBytes ?? NaN,
      };
    },
  };
}
