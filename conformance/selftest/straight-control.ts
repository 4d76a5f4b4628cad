/**
 * The vendor path's control: the straight server, served and validated exactly as the variants are. A requirement
 * it already fails there says nothing about a variant, so a variant "caught" only on such requirements is not
 * counted as caught (and the run says which requirements the straight server fails on this path).
 */
import { REQUIREMENTS } from '../spec/requirements/index.js';
import { runConformance } from '../runner/run-conformance.js';
import type { VariantOptions } from './run-variant.js';
import { servedTarget, startServeProcess } from './serve-process.js';

/** The MUST requirements the straight Pro server fails on the vendor path, without the clock. */
export async function straightFailures(cli: string, options: VariantOptions): Promise<string[]> {
  const server = await startServeProcess({ cli, edition: 'pro', faults: [], conformanceClock: false });
  try {
    const { summary } = await runConformance({
      target: servedTarget(server, 'pro'),
      checks: options.checks,
      catalogue: REQUIREMENTS,
      profiles: options.profiles,
      seed: options.seed,
      runs: options.runs,
      command: `mbsc selftest --vendor-path --seed ${options.seed} --runs ${options.runs} (the straight server)`,
      kitVersion: options.kitVersion,
      replayCommand: () => `mbsc serve, then mbsc validate --seed ${options.seed} --runs ${options.runs}`,
    });
    return summary.requirements.filter((r) => r.verdict === 'fail' && r.level === 'MUST').map((r) => r.id);
  } finally {
    await server.stop();
  }
}
