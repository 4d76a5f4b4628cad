/**
 * `npm run bench:appium [-- --runs N --photos N --suite-runs N --seed N --suite-only]`: what driving the simulated
 * app through Appium costs. It runs one scenario (scenario.ts) on fresh simulated phones against a reference server
 * on 127.0.0.1, first straight on the session model in this process, then as WebDriver commands through Appium 3
 * with the simulator driver, and prints the median and p99 time of each WebDriver command, each way's median wall
 * time, and their ratio. Then the goal's
 * measure (suite-ratio.ts): the default app suites over two profiles through Appium against the same selection in
 * process, wall and CPU. It prints; it never asserts on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runScenario, type ScenarioShape } from './scenario.js';
import { inProcessDriver, webDriver, type CommandTimes } from '../../devices/appium-driver/app-driver.js';
import { startAppium } from '../../devices/appium-driver/harness/appium-server.js';
import { simulatorCapabilities } from '../../devices/capabilities/device-capabilities.js';
import { openSession } from '../../devices/capabilities/remote-endpoint.js';
import { loadProfile } from '../../devices/load-profiles.js';
import { startServer } from '../../reference-server/server.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { SimulatorSession } from '../../simulators/session/simulator-session.js';
import { table } from '../text-table.js';
import { suiteRatio } from './suite-ratio.js';
import { answerHelp } from '../bench-args.js';

/** Median and p99 (nearest rank) of samples. */
function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

const median = (samples: readonly number[]): number => percentile(samples, 50);

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-');

const progress = (line: string) => process.stderr.write(`[bench:appium] ${line}\n`);

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number ≥ 1`);
  return value;
}

async function main(): Promise<number> {
  answerHelp(
    'Usage: npm run bench:appium [-- --runs N (default 5) --seed N (default 7) --suite-runs N (default 10) --suite-only]',
  );
  const suite = () => suiteRatio(option('suite-runs', 10), option('seed', 7), progress);
  if (process.argv.includes('--suite-only')) return (await suite()).length > 0 ? 1 : 0;
  const runs = option('runs', 5);
  const shape: ScenarioShape = { photos: option('photos', 20), photoBytes: 50_000, pageSources: 8 };
  console.log(`bench:appium on Node ${process.versions.node}, ${availableParallelism()} CPU(s); ${runs} runs per way`);
  console.log(
    `scenario: pair, ${shape.photos} photos of ${shape.photoBytes} B backed up, deleted, restored; ${shape.pageSources} page sources`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mbsc-bench-appium-'));
  const server = await startServer({ edition: 'pro', dataDir, host: '127.0.0.1', tcpPort: 0, udpPort: 0 });
  const desk = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
  const payload = async () => (await desk.call('createPairing', { body: { mode: 'add' } })).payload;
  const profile = loadProfile('redmi-note-8');
  const problems: string[] = [];
  try {
    progress('in process…');
    const inProcess: number[] = [];
    for (let run = 0; run < runs; run++) {
      const qr = await payload();
      const started = performance.now();
      const session = new SimulatorSession({ spec: profile, serverUrl: server.url });
      const problem = await runScenario(inProcessDriver(session), qr, shape);
      inProcess.push(performance.now() - started);
      if (problem) problems.push(`in process run ${run + 1}: ${problem}`);
    }

    progress('starting Appium…');
    const appiumStarted = performance.now();
    const appium = await startAppium();
    const appiumStartMs = performance.now() - appiumStarted;
    const overAppium: number[] = [];
    const times: CommandTimes = new Map();
    try {
      for (let run = 0; run < runs; run++) {
        progress(`over Appium, run ${run + 1} of ${runs}…`);
        const qr = await payload();
        const started = performance.now();
        const browser = await openSession(appium.url, simulatorCapabilities(profile, server.url));
        const problem = await runScenario(webDriver(browser, times), qr, shape);
        await browser.deleteSession();
        overAppium.push(performance.now() - started);
        if (problem) problems.push(`over Appium run ${run + 1}: ${problem}`);
      }
    } finally {
      await appium.stop();
    }

    const all = [...times.values()].flat();
    const rows = [...times.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([command, samples]) => [command, String(samples.length), ms(median(samples)), ms(percentile(samples, 99))]);
    console.log(`\n== WebDriver commands through Appium (ms) ==`);
    console.log(
      table([
        ['command', 'n', 'median', 'p99'],
        ...rows,
        ['all commands', String(all.length), ms(median(all)), ms(percentile(all, 99))],
      ]),
    );
    console.log(`\n== The scenario's wall time (ms, median of ${runs}; session creation included) ==`);
    const a = median(inProcess);
    const b = median(overAppium);
    console.log(
      table([
        ['way', 'median', 'min', 'max'],
        ['in process', ms(a), ms(Math.min(...inProcess)), ms(Math.max(...inProcess))],
        ['over Appium', ms(b), ms(Math.min(...overAppium)), ms(Math.max(...overAppium))],
      ]),
    );
    console.log(
      `ratio over Appium / in process: ${(b / a).toFixed(1)}x; Appium start (install check included): ${ms(appiumStartMs)} ms`,
    );
    console.log(
      `BENCH_RESULT ${JSON.stringify({ runs, commandMedianMs: median(all), commandP99Ms: percentile(all, 99), inProcessMs: a, overAppiumMs: b, ratio: b / a, problems })}`,
    );
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  problems.push(...(await suite()));
  for (const problem of problems) console.error(`problem: ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
