/**
 * `mbsc merge DIR... [--out DIR] [--allow-partial]`: joins the reports of the shards of one run (`--shard i/n`) into
 * the summary.json, index.html, junit.xml and allure-results/ the unsharded run would have written. Shards of
 * different runs are refused with the reason; a missing shard is reported and never passes the gate.
 */
import path from 'node:path';
import { ClientError } from '../../conformance/spec/errors.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { mergeShards, type ShardRun } from '../../conformance/runner/merge-summaries.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { defaultReporters } from '../../reports/default-reporters.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import { readSummary, SUMMARY_FILE, SummaryInvalidError } from '../../reports/summary-json.js';
import { defineCommand, EXIT, UsageError, type Command, type CommandIo, type OptionSpec } from '../command.js';
import { exitOfVerdict, verdictLines } from '../verdict-output.js';

/** Exit codes of `mbsc merge` beyond the common ones (cli/command.ts EXIT). */

const MERGE_OPTIONS = {
  out: { type: 'string', description: 'Report folder of the merged run', placeholder: 'DIR', default: 'reports/out' },
  'allow-partial': {
    type: 'boolean',
    description: 'Exit by the verdict even when a shard is missing (its requirements stay untested)',
  },
} as const;

export const mergeCommand = defineCommand({
  summary: 'Join the reports of the shards of one run (--shard i/n): mbsc merge DIR... [--out DIR].',
  options: MERGE_OPTIONS,
  async run(values, io) {
    return merge((values as { _dirs?: string[] })._dirs ?? [], values.out, values['allow-partial'], io);
  },
});

async function merge(dirs: readonly string[], out: string, allowPartial: boolean, io: CommandIo): Promise<number> {
  if (dirs.length === 0) throw new UsageError('give the report folders of the shards to merge: mbsc merge DIR...');
  let result;
  try {
    const runs: ShardRun[] = [];
    for (const dir of dirs) runs.push({ source: dir, summary: await readSummary(path.join(dir, SUMMARY_FILE)) });
    const command = ['mbsc merge', ...dirs, ...(allowPartial ? ['--allow-partial'] : [])].join(' ');
    result = mergeShards(runs, { catalogue: REQUIREMENTS, checks: ALL_CHECKS }, command);
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

/**
 * Splits `merge`'s folders (operands) from its options, so the options still go through parseOptions. An operand
 * is any argument that is neither an option nor the value of a string option.
 */
export function splitOperands(command: Command, argv: readonly string[]): { options: string[]; operands: string[] } {
  const options: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) operands.push(arg);
    else {
      options.push(arg);
      const spec: OptionSpec | undefined = command.options[arg.slice(2)];
      if (spec?.type === 'string' && !arg.includes('=') && i + 1 < argv.length) options.push(argv[++i] as string);
    }
  }
  return { options, operands };
}
