/** What `mbsc merge` does once its options are parsed (merge.ts declares them). */
import path from 'node:path';
import { ClientError } from '../../conformance/spec/errors.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { mergeShards, type ShardRun } from '../../conformance/runner/merge-summaries.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { defaultReporters } from '../../reports/default-reporters.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import { readSummary, SUMMARY_FILE, SummaryInvalidError } from '../../reports/summary-json.js';
import { EXIT, UsageError, type CommandIo } from '../command.js';
import { exitOfVerdict, verdictLines } from '../verdict-output.js';

export interface MergeFlags {
  /** Exit by the verdict even when a shard is missing. */
  readonly allowPartial: boolean;
  /** A requirement that applies but went untested makes the merged run `error`. */
  readonly failOnUntested: boolean;
}

export async function merge(
  dirs: readonly string[],
  out: string,
  { allowPartial, failOnUntested }: MergeFlags,
  io: CommandIo,
): Promise<number> {
  if (dirs.length === 0) throw new UsageError('give the report folders of the shards to merge: mbsc merge DIR...');
  let result;
  try {
    const runs: ShardRun[] = [];
    for (const dir of dirs) runs.push({ source: dir, summary: await readSummary(path.join(dir, SUMMARY_FILE)) });
    const flags = [...(allowPartial ? ['--allow-partial'] : []), ...(failOnUntested ? ['--fail-on-untested'] : [])];
    const command = ['mbsc merge', ...dirs, ...flags].join(' ');
    result = mergeShards(runs, { catalogue: REQUIREMENTS, checks: ALL_CHECKS }, command, { failOnUntested });
  } catch (error) {
    if (error instanceof SummaryInvalidError || (error instanceof ClientError && error.code === 'merge-refused')) {
      io.err(`mbsc merge: refused: ${error.message}`);
      return EXIT.mergeRefused;
    }
    throw error;
  }
  const outDir = path.resolve(out);
  const final = await new ReporterMultiplexer(defaultReporters({ outDir })).onRunEnd(result.summary);
  for (const line of verdictLines(final, `${dirs.length} shard folders merged, seed ${final.seed}`)) io.out(line);
  for (const gap of result.gaps) io.err(`mbsc merge: ${gap.reason}; its checks did not run: ${gap.checks.join(', ')}`);
  io.out(`Reports: ${path.join(outDir, 'index.html')}`);
  if (final.verdict === 'fail') return EXIT.failed;
  // A gap names its cause better than the error it leaves in the verdict.
  if (result.gaps.length > 0 && !allowPartial) {
    io.err('mbsc merge: incomplete: merge every shard, or pass --allow-partial to exit by the verdict of the rest.');
    return EXIT.mergeIncomplete;
  }
  return exitOfVerdict(final.verdict);
}
