/**
 * `npm run bench:sim [-- flags]`: how fast the simulators run. (1) a library backed up through the reference app
 * model on an Android and an iOS profile, (4) with the same bytes through a bare client as the baseline, (2) steps
 * per second of the pure rules, (3) 41 days of virtual time on an iPhone whose Recently Deleted must empty on day
 * 40, (5) one BENCH_RESULT JSON line. It prints; it never asserts on time. Everything talks to 127.0.0.1 only.
 */
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { printPlatformBackup, runPlatformBackup, warmUp, type PlatformBackup } from './backup-section.js';
import { runModelSteps } from './model-steps.js';
import { secondsSince, sinkValue } from './op-rate.js';
import { runRecentlyDeletedDays } from './recently-deleted-days.js';
import { daysLines, modelTable, num, resultLine } from './report.js';
import { parseConfig, USAGE, type SimBenchConfig } from './sim-config.js';

const progress = (line: string) => process.stderr.write(`[bench:sim] ${line}\n`);

async function main(): Promise<number> {
  let config: SimBenchConfig | 'help';
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (error) {
    console.error(`bench:sim: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (config === 'help') {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  console.log(
    `bench:sim on Node ${process.versions.node} (V8 ${process.versions.v8}), ${availableParallelism()} CPU(s) ` +
      `${cpus()[0]?.model ?? ''}`.trimEnd(),
  );
  console.log(`server data dirs under ${config.dataParent}: ${config.dataParentNote}`);
  console.log('MB = 10^6 bytes; server and devices share this process; every request goes to 127.0.0.1');

  const backups: PlatformBackup[] = [];
  let steps: ReturnType<typeof runModelSteps> = [];
  if (!config.daysOnly) {
    console.log('\n== 1 + 4. Library backup through the app model, and the bare-client baseline ==');
    await warmUp(config, progress);
    backups.push(await runPlatformBackup('android', 'redmi-note-8', config.androidItems, true, config, progress));
    printPlatformBackup(backups[0]!);
    backups.push(await runPlatformBackup('ios', 'iphone-6s', config.iosItems, false, config, progress));
    printPlatformBackup(backups[1]!);

    console.log(`\n== 2. Pure model steps per second (about ${config.modelMs} ms each) ==`);
    progress('pure model loops…');
    steps = runModelSteps(10_000, config.modelMs, config.seed);
    console.log(modelTable(steps));
  }

  console.log(`\n== 3. ${config.days} days of virtual time ==`);
  progress(`${config.days} virtual days…`);
  const days = await runRecentlyDeletedDays(config.days, config.daysItems, config.seed, config.dataParent);
  for (const line of daysLines(days)) console.log(line);

  const problems = [
    ...backups.flatMap((b) =>
      [b.app, b.bare].flatMap((r) => (r.problem ? [`${b.profileId} ${r.mode}: ${r.problem}`] : [])),
    ),
    ...(days.problem ? [`days: ${days.problem}`] : []),
  ];
  const totalSeconds = secondsSince(started);
  console.log(`\ntotal run time ${num(totalSeconds, 1)} s${problems.length ? `; ${problems.length} problem(s)` : ''}`);
  console.log(
    resultLine({
      bench: 'sim',
      node: process.versions.node,
      config: { ...config },
      backup: backups.map(({ setupText: _setupText, ...rest }) => rest),
      model: steps,
      days,
      totalSeconds,
      sink: sinkValue() % 1000,
      ok: problems.length === 0,
      problems,
    }),
  );
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench:sim failed:', error);
    process.exitCode = 1;
  },
);
