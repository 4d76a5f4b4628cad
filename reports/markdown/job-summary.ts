/**
 * A CI job summary (GitHub-flavoured markdown, as `$GITHUB_STEP_SUMMARY` renders it) made from a run's summary: the
 * verdict and why, the counts, and each failing requirement with the command that replays it, then errors and
 * advisory findings, and what applies but could not be checked here, by reason. It renders what the runner derived
 * and judges nothing again; the full list is in index.html.
 */
import type { RequirementResult, Summary } from '../../conformance/runner/summary-schema.js';
import { findings, runLevelError, untestedByReason, type Finding } from '../findings.js';

/** Requirements listed per section; the rest are counted, so a summary stays far below GitHub's 1 MiB limit. */
export const LISTED_PER_SECTION = 40;

/** Replay commands per requirement: a finding on every column of the matrix would list 20 and more. */
export const REPLAYS_PER_REQUIREMENT = 3;

const HEADINGS = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' } as const;

/** One line of text without control characters, as a code block shows it. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*|\t/g, ' ').replace(/\p{Cc}/gu, '');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text shown as written outside code: one line, markup characters escaped, HTML as entities. */
const inline = (text: string): string =>
  oneLine(text)
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ENTITIES[c] as string);

function countsTable(summary: Summary): string[] {
  const t = summary.totals;
  const checked = t.checked === undefined ? '' : ` | ${t.checked} of ${t.applicable}`;
  return [
    `| passed | failed | advisory | errored | untested | skipped |${t.checked === undefined ? '' : ' checked |'}`,
    `| --- | --- | --- | --- | --- | --- |${t.checked === undefined ? '' : ' --- |'}`,
    `| ${t.passed} | ${t.failed} | ${t.advisory} | ${t.errored} | ${t.untested} | ${t.skipped}${checked} |`,
  ];
}

/** The findings of one verdict that charge `requirement` (a finding naming none charges every one its check covers). */
function findingsOf(requirement: RequirementResult, list: readonly Finding[], verdict: Finding['verdict']): Finding[] {
  return list.filter(
    (f) => f.verdict === verdict && (f.failure.requirements ?? f.requirementIds).includes(requirement.id),
  );
}

function requirementItem(requirement: RequirementResult, charged: readonly Finding[]): string[] {
  const expected = requirement.expectedFailure === true ? ' (expected: in the baseline)' : '';
  const first = charged[0];
  const detail = first
    ? `: ${inline(first.failure.message)} (check \`${first.checkId}\` on ${first.column})`
    : requirement.reason
      ? `: ${inline(requirement.reason)}`
      : '';
  const lines = [`- **${requirement.id}** (${requirement.level})${expected}${detail}`];
  const replays = [...new Set(charged.map((f) => f.failure.replayCommand))];
  for (const command of replays.slice(0, REPLAYS_PER_REQUIREMENT)) {
    lines.push('  ```sh', `  ${oneLine(command)}`, '  ```');
  }
  const more = replays.length - REPLAYS_PER_REQUIREMENT;
  if (more > 0) lines.push(`  - and ${more} more replay commands, one for each other column: see index.html.`);
  return lines;
}

function section(
  title: string,
  rows: readonly RequirementResult[],
  list: readonly Finding[],
  verdict: Finding['verdict'],
): string[] {
  if (rows.length === 0) return [];
  const lines = ['', `### ${title} (${rows.length})`, ''];
  for (const row of rows.slice(0, LISTED_PER_SECTION))
    lines.push(...requirementItem(row, findingsOf(row, list, verdict)));
  const more = rows.length - LISTED_PER_SECTION;
  if (more > 0) lines.push(`- … and ${more} more: see index.html in the reports.`);
  return lines;
}

/** What applies but this run could not check, once per reason, with the requirements it left untested. */
function untestedSection(summary: Summary): string[] {
  const groups = untestedByReason(summary);
  if (groups.size === 0) return [];
  const count = [...groups.values()].reduce((n, ids) => n + ids.length, 0);
  const lines = ['', `### Untested here: they apply, but this run could not check them (${count})`, ''];
  for (const [reason, ids] of groups) lines.push(`- ${inline(reason)}: ${ids.join(', ')}`);
  return lines;
}

/** The job summary of `summary`, ending with a newline. */
export function jobSummaryMarkdown(summary: Summary): string {
  const list = findings(summary);
  const by = (verdict: RequirementResult['verdict']) => summary.requirements.filter((r) => r.verdict === verdict);
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [`## mbsc conformance: ${HEADINGS[summary.verdict]}`, ''];
  if (summary.verdict === 'error')
    lines.push(
      `**The run could not test its target:** ${inline(summary.reason ?? runLevelError(summary) ?? 'see the reports')}`,
      '',
    );
  lines.push(
    `${inline(summary.target.description)}; seed ${summary.seed}; ${seconds} s; kit ${summary.kitVersion}.`,
    '',
  );
  lines.push(...countsTable(summary));
  lines.push(...section('Failing requirements', by('fail'), list, 'fail'));
  lines.push(...section('Errors', by('error'), list, 'error'));
  lines.push(...section('Advisory findings (never fail the run)', by('advisory'), list, 'advisory'));
  lines.push(...untestedSection(summary));
  if (summary.fixedExpectedFailures.length > 0) {
    lines.push(
      '',
      `Expected failures that passed this time (drop them from the baseline): ${summary.fixedExpectedFailures.join(', ')}.`,
    );
  }
  lines.push('', `Run: \`${oneLine(summary.command)}\``, '');
  return lines.join('\n');
}
