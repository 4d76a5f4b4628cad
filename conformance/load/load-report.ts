/**
 * What a load run found, as `load.json` holds it and the HTML report and the console render it: the server met,
 * the plan, latency percentiles per operation and per request, errors by code, throughput, latency over time, and
 * what the run cost this machine (wall and CPU time of the load process).
 */
import type { LatencyStats } from './latency-stats.js';
import type { TimelinePoint } from './load-recorder.js';

export interface LoadReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly server: {
    readonly url: string;
    readonly name: string;
    readonly edition: string;
    readonly desktopVersion: string;
    readonly twoFactor: boolean;
  };
  readonly plan: {
    readonly devices: number;
    readonly durationMs: number;
    readonly rampMs: number;
    readonly thinkMs: number;
    readonly loginEveryMs: number;
    readonly items: number;
    readonly itemBytes: number;
    readonly seed: number;
  };
  readonly phones: {
    readonly started: number;
    readonly paired: number;
    readonly registered: number;
    /** Phones still inside an operation when the run's hard stop came; their operation is not counted. */
    readonly unfinished: number;
  };
  /** Whole operations (pair, backup, restore, register2fa, login-push, login-otp), then `overall`. */
  readonly operations: Readonly<Record<string, LatencyStats>>;
  /** Each protocol request by route name, then `overall`. */
  readonly requests: Readonly<Record<string, LatencyStats>>;
  /** Failed operations by the catalogued code of their failure, most frequent first; and failed requests. */
  readonly errors: {
    readonly operations: Readonly<Record<string, number>>;
    readonly requests: Readonly<Record<string, number>>;
  };
  readonly throughput: {
    readonly operationsPerSecond: number;
    readonly requestsPerSecond: number;
  };
  readonly timeline: {
    readonly bucketMs: number;
    readonly requests: readonly TimelinePoint[];
    readonly operations: readonly TimelinePoint[];
  };
  readonly cost: {
    readonly wallMs: number;
    /** CPU time of the load process (the phones), user and system. */
    readonly cpuUserMs: number;
    readonly cpuSystemMs: number;
  };
  /** What the run could not do, and why (logins on a server without 2FA, a password lock without --password). */
  readonly notes: readonly string[];
}

/** Whether the run met no error at all. */
export function loadClean(report: LoadReport): boolean {
  return (report.operations['overall']?.errors ?? 0) === 0 && (report.requests['overall']?.errors ?? 0) === 0;
}
