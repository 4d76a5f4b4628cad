/**
 * `npm run bench:validate`: `mbsc validate` against the reference server run as a separate process
 * (`mbsc serve --conformance-clock`), next to `mbsc run` on the same edition, profiles and seed. Validate gets what
 * the in-process run has too, so like is compared with like: the server's data directory (--data-dir) and a command
 * that starts more servers like it (--own-server, `mbsc serve` again). Prints the wall time
 * of each, their ratio (goal ≤ 1.5×) and the requirements each skipped (goal: the same set). It measures; it never
 * asserts. Flags: --edition E (default pro), --profiles id,id (default: the default matrix), --seed N, --runs N.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMatrix } from '../../devices/load-profiles.js';
import { benchArgs } from '../bench-args.js';

const values = benchArgs('Usage: npm run bench:validate [-- --edition E --profiles ID,ID --seed N --runs N]', {
  edition: { type: 'string' },
  profiles: { type: 'string' },
  seed: { type: 'string' },
  runs: { type: 'string' },
});
const edition = values.edition ?? 'pro';
const profiles =
  values.profiles ??
  loadMatrix()
    .profiles.map((p) => p.id)
    .join(',');
const common = ['--profiles', profiles, '--seed', values.seed ?? '20261122', '--runs', values.runs ?? '100'];
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/bin.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'mbsc-bench-validate-'));
// Apart from the reports, so the storage-layout check reads nothing but the server's own files.
const dataDir = path.join(scratch, 'data');
/** The servers the port checks start: `mbsc serve` of this build, each with the directory and key the kit gives. */
const ownServer = `'${process.execPath}' '${BIN}' serve --edition {edition} --data {data} --console-key {consoleKey}`;

/** Runs `mbsc ...args` to its end; the wall time in seconds and the summary it wrote. */
async function timed(args: string[], out: string) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args, '--out', out], { stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as {
    verdict: string;
    requirements: { id: string; verdict: string }[];
  };
  const skipped = summary.requirements.filter((r) => r.verdict === 'skipped').map((r) => r.id);
  const clock = /^conformance clock: .*$/m.exec(stdout)?.[0];
  return { code, seconds, verdict: summary.verdict, skipped, clock };
}

/** Starts `mbsc serve --conformance-clock` and reads its URL, UDP port and console key from what it prints. */
async function serve() {
  const args = ['serve', '--conformance-clock', '--edition', edition, '--host', '127.0.0.1'];
  // No ports given: the edition's own ranges, as the port checks require of any server.
  const child = spawn(process.execPath, [BIN, ...args, '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl+C')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`mbsc serve ended (${code}) before it started:\n${out}`)));
  });
  const field = (re: RegExp) => re.exec(out)?.[1] ?? '';
  return {
    child,
    url: field(/URL\s+(http:\/\/\S+)/),
    udpPort: field(/UDP port (\d+)/),
    consoleKey: field(/Console key (\S+)/),
  };
}

const server = await serve();
try {
  const run = await timed(['run', '--editions', edition, ...common], path.join(scratch, 'run'));
  const target = ['--server', server.url, '--udp-port', server.udpPort, '--edition', edition];
  const local = ['--data-dir', dataDir, '--own-server', ownServer];
  const validate = await timed(
    ['validate', ...target, '--console-key', server.consoleKey, ...local, ...common],
    path.join(scratch, 'validate'),
  );
  const only = (a: string[], b: string[]) => a.filter((id) => !b.includes(id));
  console.log(`bench:validate — ${edition}, profiles ${profiles}, ${common.slice(2).join(' ')}`);
  console.log(`mbsc run       ${run.seconds.toFixed(1)} s, ${run.verdict}, ${run.skipped.length} requirements skipped`);
  console.log(
    `mbsc validate  ${validate.seconds.toFixed(1)} s, ${validate.verdict}, ${validate.skipped.length} requirements skipped; ${validate.clock ?? 'no clock line'}`,
  );
  console.log(`ratio validate / run: ${(validate.seconds / run.seconds).toFixed(2)}× (goal ≤ 1.5×)`);
  console.log(`skipped by both: ${run.skipped.filter((id) => validate.skipped.includes(id)).join(', ') || 'none'}`);
  console.log(`skipped only by run: ${only(run.skipped, validate.skipped).join(', ') || 'none'}`);
  console.log(`skipped only by validate (goal: none): ${only(validate.skipped, run.skipped).join(', ') || 'none'}`);
  console.log(
    `BENCH_RESULT ${JSON.stringify({ bench: 'validate', edition, runSeconds: run.seconds, validateSeconds: validate.seconds, ratio: validate.seconds / run.seconds, runSkipped: run.skipped, validateSkipped: validate.skipped })}`,
  );
} finally {
  server.child.kill('SIGTERM');
  if (server.child.exitCode === null) await new Promise((resolve) => server.child.on('exit', resolve));
  rmSync(scratch, { recursive: true, force: true });
}
