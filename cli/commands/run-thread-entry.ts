/**
 * The module each worker thread of `mbsc run` loads (run-thread.ts says when there are any): it rebuilds the run's
 * reference target and its checks from the checked configuration the main thread sent, runs its share of the cells
 * on servers of its own (conformance/runner/share-thread.ts), and stops what it started.
 */
import type { Check } from '../../conformance/kit/check.js';
import { runShare, shareData } from '../../conformance/runner/share-thread.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import type { RunThreadData } from './run-thread.js';
import { openTarget } from './run-target.js';

async function main(): Promise<void> {
  const data = shareData().data as RunThreadData;
  const byId = new Map(ALL_CHECKS.map((check) => [check.id, check]));
  const checks = data.checkIds.map((id) => byId.get(id)).filter((check): check is Check => check !== undefined);
  const opened = await openTarget(data.config, data.editions, data.profiles);
  try {
    await runShare({
      target: opened.target,
      editions: opened.target.describe().editions,
      checks,
      profiles: data.profiles,
      catalogue: REQUIREMENTS,
      options: {
        seed: data.seed,
        runs: data.runs,
        ...(data.config.workers ? { concurrency: data.config.workers } : {}),
        ...(data.config.realTime ? { realTime: true } : {}),
      },
    });
  } finally {
    await opened.stop();
  }
}

await main();
