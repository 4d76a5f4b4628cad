/**
 * Flags of `npm run bench:sim [-- flags]`, with the brief's workload as defaults. Every number is bounded, so no
 * flag can turn a loop of the benchmark into an unbounded one.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';

export interface SimBenchConfig {
  /** Items in the Android (redmi-note-8) library backed up through MobileApp.backup(). */
  readonly androidItems: number;
  /** Items in the iOS (iphone-6s) library. */
  readonly iosItems: number;
  /** Items of the untimed warm-up backup (app and bare), so that neither timed run meets a cold JIT. */
  readonly warmupItems: number;
  /** Wall-time budget of each pure-model loop, in ms. */
  readonly modelMs: number;
  /** Virtual days of the Recently Deleted scenario (more than 40, so the folder must empty). */
  readonly days: number;
  /** Photos on the iPhone of that scenario. */
  readonly daysItems: number;
  readonly seed: number;
  /** Where the servers' temporary data directories go. */
  readonly dataParent: string;
  readonly dataParentNote: string;
  /** Only the days of virtual time (section 3): a quick look at the simulator's CPU cost. */
  readonly daysOnly: boolean;
}

export const USAGE = `Usage: npm run bench:sim [-- flags]
  --android-items N   Android library size (default 10000, 100..100000)
  --ios-items N       iOS library size (default 1000, 100..100000)
  --warmup-items N    untimed warm-up backup size (default 200, 0..5000)
  --model-ms N        budget of each pure-model loop in ms (default 1000, 50..10000)
  --days N            virtual days of the Recently Deleted scenario (default 41, 41..400)
  --days-items N      photos on the iPhone of that scenario (default 400, 10..5000)
  --seed N            library generator seed (default 1)
  --days-only         run only section 3, the virtual days (a few seconds)
  --data-parent DIR   parent of the servers' temporary data dirs (default /dev/shm when writable, else the OS temp dir)
Prints results and one BENCH_RESULT JSON line; never asserts on time. Exit code 1 when a run went wrong, 2 for bad flags.
The default takes about 4 minutes on a 2-CPU machine, most of it the 10,000-item app backup (its job rescans the
whole library before every item); --android-items 3000 brings the whole run under a minute.`;

const BOUNDS = {
  'android-items': [100, 100_000, 10_000],
  'ios-items': [100, 100_000, 1_000],
  'warmup-items': [0, 5_000, 200],
  'model-ms': [50, 10_000, 1_000],
  days: [41, 400, 41],
  'days-items': [10, 5_000, 400],
  seed: [0, 2 ** 31 - 1, 1],
} as const satisfies Record<string, readonly [min: number, max: number, fallback: number]>;

type NumericFlag = keyof typeof BOUNDS;

export function parseConfig(argv: readonly string[]): SimBenchConfig | 'help' {
  const options = Object.fromEntries(Object.keys(BOUNDS).map((name) => [name, { type: 'string' as const }])) as Record<
    NumericFlag,
    { type: 'string' }
  >;
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...options,
      'data-parent': { type: 'string' },
      'days-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const num = (name: NumericFlag): number => {
    const [min, max, fallback] = BOUNDS[name];
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
    }
    return value;
  };
  const parent = values['data-parent'] ? { dir: values['data-parent'], note: 'chosen by --data-parent' } : dataParent();
  return {
    androidItems: num('android-items'),
    iosItems: num('ios-items'),
    warmupItems: num('warmup-items'),
    modelMs: num('model-ms'),
    days: num('days'),
    daysItems: num('days-items'),
    seed: num('seed'),
    dataParent: parent.dir,
    dataParentNote: parent.note,
    daysOnly: values['days-only'] ?? false,
  };
}

/**
 * tmpfs when there is one: there fsync costs nothing, so the numbers are the app model's and the protocol's, not
 * the disk's (bench:server measures the disk). On this machine's ext4 an fsync takes ~1.5 ms and the server does
 * several per item, which would bury the model's cost under the disk's.
 */
function dataParent(): { dir: string; note: string } {
  try {
    if (statSync('/dev/shm').isDirectory()) {
      accessSync('/dev/shm', constants.W_OK);
      return { dir: '/dev/shm', note: 'tmpfs: fsync is free, so the disk is left out (use --data-parent to change)' };
    }
  } catch {
    // No writable /dev/shm: fall back to the OS temp dir.
  }
  return { dir: tmpdir(), note: 'the OS temp dir (no writable /dev/shm): disk fsyncs are part of every number' };
}
