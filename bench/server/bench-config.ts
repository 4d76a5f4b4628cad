/**
 * The benchmark's configuration: defaults, then `MBS_BENCH_*` environment variables, then command-line flags.
 * Sizes are in MB of 2^20 bytes throughout (the chunk size then matches the server's 16 MB body limit exactly).
 */
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';

export const MB = 1024 * 1024;

export interface BenchConfig {
  /** Multiplies the photo count and the video size; the video count stays, so 50 clients still meet big files. */
  readonly scale: number;
  readonly photos: number;
  readonly photoMinBytes: number;
  readonly photoMaxBytes: number;
  readonly videos: number;
  readonly videoBytes: number;
  readonly chunkBytes: number;
  readonly clients: readonly number[];
  readonly rounds: number;
  readonly devices: number;
  readonly smallItems: number;
  readonly smallItemBytes: number;
  readonly seed: number;
  readonly timeoutMs: number;
  readonly maxMinutes: number;
  readonly tmpRoot: string;
  readonly profileDir: string | undefined;
  /** Node flags given to both server processes alike (a GC trace, a young-generation size on trial). */
  readonly serverNodeFlags: readonly string[];
}

const FLAGS = {
  scale: { type: 'string', default: '1', help: 'multiplies photo count and video size' },
  photos: { type: 'string', help: 'photo count (default 300 × scale)' },
  'photo-mb': { type: 'string', default: '1-8', help: 'photo size range in MB, MIN-MAX' },
  videos: { type: 'string', default: '5', help: 'video count' },
  'video-mb': { type: 'string', help: 'video size in MB (default 100 × scale)' },
  'chunk-mb': { type: 'string', default: '8', help: 'bytes per append request, in MB' },
  clients: { type: 'string', default: '1,50', help: 'concurrent clients of the throughput phases' },
  rounds: { type: 'string', default: '2', help: 'runs of each server per client count, alternating who goes first' },
  devices: { type: 'string', default: '500', help: 'concurrent devices of the small-commits phase' },
  'small-items': { type: 'string', default: '3', help: 'items per device in the small-commits phase' },
  'small-item-kb': { type: 'string', default: '4', help: 'size of those items in KB' },
  seed: { type: 'string', default: '1', help: 'seed of the generated library' },
  'timeout-s': { type: 'string', default: '120', help: 'deadline of each request' },
  'max-minutes': { type: 'string', default: '20', help: 'the whole run is aborted after this' },
  tmp: { type: 'string', default: tmpdir(), help: 'where the data directories go' },
  profile: { type: 'string', help: 'write V8 CPU profiles of the server processes to this directory' },
  'server-node-flags': {
    type: 'string',
    default: '',
    help: 'node flags for both servers: --server-node-flags="--trace-gc ..."',
  },
  help: { type: 'boolean', default: false, help: 'show this help' },
} as const;

type FlagName = keyof typeof FLAGS;

export const USAGE = [
  'Usage: npm run bench:server -- [flags]   (each flag also reads MBS_BENCH_<FLAG> from the environment)',
  ...Object.entries(FLAGS).map(([name, f]) => {
    const fallback = 'default' in f && f.type === 'string' ? ` [${f.default}]` : '';
    return `  --${name.padEnd(14)} ${f.help}${fallback}`;
  }),
].join('\n');

export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): BenchConfig | 'help' {
  const { values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  if (values.help) return 'help';
  const raw = (name: FlagName): string | undefined => {
    const given = argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    const fromEnv = env[`MBS_BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
    const value = values[name];
    return given ? String(value) : (fromEnv ?? (value === undefined ? undefined : String(value)));
  };
  const scale = positive('scale', raw('scale'));
  const [photoMinMb, photoMaxMb] = range('photo-mb', raw('photo-mb') as string);
  const chunkBytes = Math.round(positive('chunk-mb', raw('chunk-mb')) * MB);
  const photoMaxBytes = Math.round(photoMaxMb * MB);
  if (chunkBytes > 16 * MB) throw new Error('--chunk-mb: at most 16, the server body limit.');
  const profile = raw('profile');
  return {
    scale,
    photos: integer('photos', raw('photos') ?? String(Math.max(1, Math.round(300 * scale)))),
    photoMinBytes: Math.round(photoMinMb * MB),
    photoMaxBytes,
    videos: integer('videos', raw('videos')),
    videoBytes: Math.max(
      1,
      Math.round((raw('video-mb') === undefined ? 100 * scale : positive('video-mb', raw('video-mb'))) * MB),
    ),
    chunkBytes,
    clients: (raw('clients') as string).split(',').map((c) => integer('clients', c, 1)),
    rounds: integer('rounds', raw('rounds'), 1),
    devices: integer('devices', raw('devices')),
    smallItems: integer('small-items', raw('small-items'), 1),
    smallItemBytes: Math.round(positive('small-item-kb', raw('small-item-kb')) * 1024),
    seed: integer('seed', raw('seed')),
    timeoutMs: positive('timeout-s', raw('timeout-s')) * 1000,
    maxMinutes: positive('max-minutes', raw('max-minutes')),
    tmpRoot: raw('tmp') as string,
    profileDir: profile === undefined || profile === '' ? undefined : profile,
    serverNodeFlags: (raw('server-node-flags') ?? '').split(' ').filter((flag) => flag !== ''),
  };
}

/** The same configuration with a smaller library (free disk space too low). */
export function withScale(config: BenchConfig, factor: number): BenchConfig {
  return {
    ...config,
    scale: config.scale * factor,
    photos: Math.max(1, Math.round(config.photos * factor)),
    videoBytes: Math.max(1, Math.round(config.videoBytes * factor)),
  };
}

function positive(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: expected a positive number, got "${text}".`);
  return value;
}

function integer(name: string, text: string | undefined, min = 0): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name}: expected an integer ≥ ${min}, got "${text}".`);
  return value;
}

function range(name: string, text: string): [number, number] {
  const [low, high = low] = text.split('-');
  const min = positive(name, low);
  const max = positive(name, high);
  if (max < min) throw new Error(`--${name}: ${text} is not MIN-MAX.`);
  return [min, max];
}
