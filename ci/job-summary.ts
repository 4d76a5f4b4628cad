/**
 * `node dist/ci/job-summary.js SUMMARY.json [--out FILE]`: the CI job summary of a run (reports/markdown/job-summary.ts)
 * appended to FILE, such as "$GITHUB_STEP_SUMMARY", or printed. Exit 0 when written; 1 when the file is no valid run
 * summary (the run ended before its reports: the markdown then says so, and stderr says why); 2 on a usage mistake.
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ClientErrorCode } from '../conformance/spec/errors.js';
import { jobSummaryMarkdown } from '../reports/markdown/job-summary.js';
import { readSummary, SummaryInvalidError } from '../reports/summary-json.js';

const INVALID: ClientErrorCode = 'summary-invalid';
const USAGE = 'Usage: node dist/ci/job-summary.js SUMMARY.json [--out FILE]';

async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { out: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new Error(`expected one summary file, got ${positionals.length}`);
    [file] = positionals;
    out = values.out;
  } catch (error) {
    process.stderr.write(`job-summary: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const write = (text: string) => (out ? appendFileSync(out, text) : process.stdout.write(text));
  try {
    write(jobSummaryMarkdown(await readSummary(file as string)));
    return 0;
  } catch (error) {
    if (!(error instanceof SummaryInvalidError)) throw error;
    process.stderr.write(`job-summary: ${INVALID}: ${error.message}\n`);
    write(
      `## mbsc conformance: no results\n\n${file} is missing or is not a run summary: the run ended before it wrote its reports. See the job's log.\n`,
    );
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
