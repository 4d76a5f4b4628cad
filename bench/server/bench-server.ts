/**
 * `npm run bench:server [-- flags]`: throughput of the reference Mobile Backup Server against a minimal baseline
 * over loopback (1 and 50 clients), then latency, errors and memory under 500 devices doing small backups.
 * It prints; it never asserts on time. Its exit code is 1 only when requests failed (or the run was aborted).
 */
import { availableParallelism, cpus } from 'node:os';
import { parseConfig, USAGE, MB, type BenchConfig } from './bench-config.js';
import { fitToDisk } from './disk.js';
import { bytePool, generateLibrary, smallItems } from './library.js';
import { ratioTable, ratios, resultLine, smallCommitsTable, throughputTable } from './report.js';
import { releaseAll } from './server-process.js';
import { runSmallCommits, type SmallCommitsResult } from './small-commits-phase.js';
import { runThroughput, type ThroughputResult } from './throughput-phase.js';

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseConfig>;
  try {
    parsed = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`bench:server: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const space = await fitToDisk(parsed);
  const config = space.config;
  guardRun(config);

  console.log(describe(config, space.freeBytes));
  if (space.note) console.log(`NOTE: ${space.note}`);
  const generation = performance.now();
  const pool = bytePool(config.seed, config.chunkBytes);
  const library = generateLibrary(config, pool);
  const small = smallItems(config, pool);
  console.log(
    `library: ${library.items.length} items, ${(library.totalBytes / MB).toFixed(0)} MB, generated and hashed in ` +
      `${((performance.now() - generation) / 1000).toFixed(1)} s (before any timing)\n`,
  );

  const throughput: ThroughputResult[] = [];
  for (const clients of config.clients) {
    for (let round = 1; round <= config.rounds; round++) {
      // Alternate which server goes first, so that neither always meets a colder (or warmer) machine.
      const order = round % 2 === 1 ? (['baseline', 'reference'] as const) : (['reference', 'baseline'] as const);
      for (const kind of order) {
        progress(`throughput: ${kind}, ${clients} client(s), round ${round}…`);
        const result = await runThroughput(kind, clients, round, library, config);
        progress(
          `  ${result.mbPerSecond.toFixed(1)} MB/s in ${result.seconds.toFixed(2)} s, ${result.errors} error(s)`,
        );
        throughput.push(result);
      }
    }
  }
  let smallCommits: SmallCommitsResult | undefined;
  if (config.devices > 0) {
    progress(`small commits: ${config.devices} devices × ${config.smallItems} items…`);
    smallCommits = await runSmallCommits(config, small);
    progress(`  ${smallCommits.seconds.toFixed(2)} s, ${smallCommits.errors} error(s)`);
  }

  const ratioList = ratios(throughput);
  console.log('Throughput (MB = 2^20 bytes; chunk = one append request)');
  console.log(throughputTable(throughput));
  console.log('\nReference server vs baseline');
  console.log(ratioTable(ratioList));
  if (smallCommits) {
    console.log(
      `\nMany small commits: ${config.devices} concurrent devices, each pair + start + ` +
        `${config.smallItems} × (create + append ${config.smallItemBytes / 1024} KB) + commit`,
    );
    console.log(smallCommitsTable(smallCommits));
  }
  const totalSeconds = (performance.now() - started) / 1000;
  console.log(`\ntotal run time ${totalSeconds.toFixed(1)} s`);
  console.log(
    resultLine({
      version: 1,
      machine: {
        node: process.version,
        cpus: availableParallelism(),
        cpuModel: cpus()[0]?.model,
        freeBytes: space.freeBytes,
      },
      config: { ...config, scaledForDisk: space.note ?? null },
      library: { items: library.items.length, bytes: library.totalBytes },
      throughput,
      ratios: ratioList,
      smallCommits: smallCommits ?? null,
      totalSeconds,
    }),
  );
  const errors = throughput.reduce((sum, r) => sum + r.errors, 0) + (smallCommits?.errors ?? 0);
  return errors > 0 ? 1 : 0;
}

function describe(config: BenchConfig, freeBytes: number): string {
  const size = (bytes: number) => `${(bytes / MB).toFixed(bytes < MB ? 3 : 1)} MB`;
  return [
    `mbsc bench:server — node ${process.version}, ${availableParallelism()} CPU(s), ` +
      `${(freeBytes / 1024 ** 3).toFixed(1)} GB free in ${config.tmpRoot}`,
    `  scale ${config.scale}: ${config.photos} photos of ${size(config.photoMinBytes)}–${size(config.photoMaxBytes)}, ` +
      `${config.videos} videos of ${size(config.videoBytes)}, appended in chunks of ${size(config.chunkBytes)}`,
    `  throughput phases: ${config.clients.join(' and ')} client(s), ${config.rounds} round(s), ` +
      `reference (pro edition) and baseline each in a server process of its own on 127.0.0.1`,
    `  small commits: ${config.devices} devices × ${config.smallItems} items of ${size(config.smallItemBytes)}`,
    config.profileDir ? `  CPU profiles of the servers go to ${config.profileDir}` : '',
    config.serverNodeFlags.length > 0 ? `  both servers run with node ${config.serverNodeFlags.join(' ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Bounds the whole run, and stops the forked servers (and removes their data) however it ends. */
function guardRun(config: BenchConfig): void {
  const abort = (why: string, code: number) => {
    progress(`aborted: ${why}`);
    releaseAll();
    process.exit(code);
  };
  setTimeout(() => abort(`still running after ${config.maxMinutes} minutes`, 2), config.maxMinutes * 60_000).unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort(signal, 130));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    releaseAll();
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
