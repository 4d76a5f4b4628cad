/**
 * `npm run bench:load [-- --devices N --duration S --think MS]`: 1,000 simulated phones (the load mode's engine)
 * against one reference server in a process of its own, with a password lock set so that every login runs its
 * key derivation. Prints request and operation percentiles, errors by code, the server's peak memory and CPU time
 * and the phones' CPU time, the server's CPU per request, how late the phones' own event loop ran (a request is
 * timed by it: a late loop lengthens every latency it measures) and the machine's load average, then the goal
 * (request p99 under 250 ms, no error, server under 300 MB) as met or not.
 * It never fails on time; its exit code is 1 only when requests failed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runLoad } from '../../conformance/load/load-run.js';
import { defaultRampMs, LOAD_DEFAULTS } from '../../conformance/load/load-plan.js';
import { loadClean } from '../../conformance/load/load-report.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { summaryLines } from '../../cli/commands/load-action.js';
import { serveReference, type ServerSample } from './served-reference.js';
import { benchArgs } from '../bench-args.js';

const GOAL = { p99Ms: 250, serverMb: 300 } as const;
const USAGE = `Usage: npm run bench:load [-- flags]
  --devices N        simulated phones (default 1000)
  --duration S       seconds of load (default 60)
  --think MS         the phones' mean pause between operations (default ${LOAD_DEFAULTS.thinkMs})
  --login-every MS   the desktop's login interval (default ${LOAD_DEFAULTS.loginEveryMs})
  --seed N           seed of the phones' draws (default 1)`;
const MB = 1024 * 1024;
const PASSWORD = 'bench-load password';

async function main(): Promise<number> {
  const values = benchArgs(USAGE, {
    devices: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '60' },
    think: { type: 'string', default: String(LOAD_DEFAULTS.thinkMs) },
    'login-every': { type: 'string', default: String(LOAD_DEFAULTS.loginEveryMs) },
    seed: { type: 'string', default: '1' },
  });
  const devices = Number(values.devices);
  const durationMs = Number(values.duration) * 1000;
  const server = await serveReference(process.env['MBS_LOAD_PROFILE']);
  const samples: ServerSample[] = [];
  const sampler = setInterval(() => {
    const sample = server.sample();
    if (sample) samples.push(sample);
  }, 250);
  try {
    const desktop = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
    await desktop.call('setPasswordLock', { body: { password: PASSWORD, email: 'bench@example.com' } });
    const before = server.sample();
    const loadBefore = loadavg()[0] as number;
    const phonesLoop = monitorEventLoopDelay({ resolution: 10 });
    phonesLoop.enable();
    console.log(
      `mbsc bench:load — node ${process.version}, ${availableParallelism()} CPU(s); ${devices} phones for ` +
        `${durationMs / 1000} s against mbsc serve (pro) on ${server.url}, password lock set`,
    );
    const report = await runLoad(
      {
        server: server.url,
        devices,
        durationMs,
        consoleKey: server.consoleKey,
        password: PASSWORD,
        rampMs: defaultRampMs(durationMs),
        thinkMs: Number(values.think),
        loginEveryMs: Number(values['login-every']),
        items: LOAD_DEFAULTS.items,
        itemBytes: LOAD_DEFAULTS.itemBytes,
        requestTimeoutMs: 120_000,
        seed: Number(values.seed),
      },
      {
        onProgress: (p) =>
          process.stderr.write(
            `[bench] ${Math.round(p.elapsedMs / 1000)} s: ${p.paired} paired, ${p.requests.done} requests, ${p.requests.errors} errors, recent p99 ${Math.round(p.recentP99Ms)} ms\n`,
          ),
        progressEveryMs: 5000,
      },
    );
    const after = server.sample();
    phonesLoop.disable();
    for (const line of summaryLines(report)) console.log(line);
    const peak = Math.max(...samples.map((s) => s.rssBytes), after?.hwmBytes ?? 0);
    const serverCpu = before && after ? after.cpuSeconds - before.cpuSeconds : NaN;
    const mainCpu = before && after ? after.mainThreadCpuSeconds - before.mainThreadCpuSeconds : NaN;
    const p99 = report.requests['overall']?.p99Ms ?? NaN;
    console.log(
      `Server: peak RSS ${(peak / MB).toFixed(0)} MB, CPU ${serverCpu.toFixed(1)} s during the load ` +
        `(${((serverCpu / (report.cost.wallMs / 1000)) * 100).toFixed(0)}% of one core)`,
    );
    const requests = report.requests['overall']?.count ?? 0;
    const ms = (ns: number) => (ns / 1e6).toFixed(0);
    console.log(
      `Server CPU per request ${((serverCpu * 1000) / requests).toFixed(3)} ms (its main thread ` +
        `${((mainCpu * 1000) / requests).toFixed(3)} ms); the phones' event loop late by p50 ` +
        `${ms(phonesLoop.percentile(50))} ms, p99 ${ms(phonesLoop.percentile(99))} ms, max ${ms(phonesLoop.max)} ms; ` +
        `load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] as number).toFixed(1)} after ` +
        `(${availableParallelism()} CPUs, shared)`,
    );
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `Goal: request p99 ${p99} ms < ${GOAL.p99Ms} ms ${met(p99 < GOAL.p99Ms)}; ` +
        `errors ${report.requests['overall']?.errors ?? 0} ${met(loadClean(report))}; ` +
        `server ${(peak / MB).toFixed(0)} MB < ${GOAL.serverMb} MB ${met(peak < GOAL.serverMb * MB)}`,
    );
    console.log(
      `RESULT ${JSON.stringify({ devices, durationMs, requests: report.requests['overall'], operations: report.operations['overall'], errors: report.errors, serverPeakRssBytes: peak, serverCpuSeconds: serverCpu, serverMainThreadCpuSeconds: mainCpu, cost: report.cost })}`,
    );
    return loadClean(report) ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
