import { describe, expect, it } from 'vitest';
import type { RequirementResult } from '../../../conformance/runner/summary-schema.js';
import {
  jobSummaryMarkdown,
  LISTED_PER_SECTION,
  REPLAYS_PER_REQUIREMENT,
} from '../../../reports/markdown/job-summary.js';
import { BATTERY_REPLAY, sampleSummary } from '../sample-summary.js';

/** The text of one `### title (n)` section, up to the next heading or paragraph. */
function sectionOf(markdown: string, title: string): string {
  const start = markdown.indexOf(`### ${title}`);
  if (start < 0) return '';
  const rest = markdown.slice(start + 4);
  const end = rest.search(/\n(###|[A-Z])/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the CI job summary', () => {
  const summary = sampleSummary();
  const markdown = jobSummaryMarkdown(summary);

  it('heads with the run verdict and gives the counts as a table', () => {
    expect(summary.verdict).toBe('fail');
    expect(markdown.startsWith('## mbsc conformance: FAIL\n')).toBe(true);
    const t = summary.totals;
    expect(markdown).toContain(
      `| ${t.passed} | ${t.failed} | ${t.advisory} | ${t.errored} | ${t.untested} | ${t.skipped} |`,
    );
  });

  it('lists every failing requirement with the command that replays it', () => {
    const failing = summary.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id);
    const section = sectionOf(markdown, 'Failing requirements');
    expect(section).toContain(`(${failing.length})`);
    for (const id of failing) expect(section).toContain(`- **${id}** (MUST)`);
    expect(section).toContain(`\`\`\`sh\n  ${BATTERY_REPLAY}\n  \`\`\``);
    expect(section).toMatch(/\*\*BAK-07\*\* \(MUST\) \(expected: in the baseline\)/);
  });

  it('keeps advisory findings and errors out of the failures, each in its own section', () => {
    const failing = sectionOf(markdown, 'Failing requirements');
    for (const r of summary.requirements.filter((x) => x.verdict === 'advisory' || x.verdict === 'error')) {
      expect(failing).not.toContain(`**${r.id}**`);
    }
    expect(sectionOf(markdown, 'Advisory findings')).toContain('**TOTP-15** (ADVISORY)');
    expect(sectionOf(markdown, 'Errors')).toContain('**PUSH-04** (MUST): kit error');
    expect(markdown).toContain('Expected failures that passed this time (drop them from the baseline): PAIR-02.');
  });

  it('names what applies but could not be checked here, once per reason, with its requirements', () => {
    const untested = summary.requirements.filter((r) => r.verdict === 'untested');
    expect(untested.length).toBeGreaterThan(0);
    const section = sectionOf(markdown, 'Untested here');
    expect(section).toContain(`(${untested.length})`);
    for (const r of untested) expect(section).toMatch(new RegExp(`- .*: (.*, )?${r.id}(,|$)`, 'm'));
    const reasons = new Set(untested.map((r) => r.reason));
    expect(section.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(reasons.size);
  });

  it('shows text from the target as text: no HTML, no control characters', () => {
    // Outside code blocks (in a code block GitHub shows `<` as it is).
    const prose = markdown.split('```').filter((_, i) => i % 2 === 0);
    for (const part of prose) expect(part).not.toContain('<script>');
    expect(prose[0]).toContain('&lt;/script&gt;');
    expect(markdown.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
  });

  it('says a run that could not test its target is ERROR, with the reason', () => {
    const reason = 'the target could not be tested: connect ECONNREFUSED 127.0.0.1:1';
    const text = jobSummaryMarkdown(sampleSummary({ verdict: 'error', reason }));
    expect(text.startsWith('## mbsc conformance: ERROR\n')).toBe(true);
    expect(text).toContain(`**The run could not test its target:** ${reason}`);
  });

  it(`gives at most ${REPLAYS_PER_REQUIREMENT} replay commands a requirement and counts the rest`, () => {
    const columns = ['a @ pro', 'b @ pro', 'c @ pro', 'd @ pro', 'e @ pro'];
    const base = sampleSummary();
    const checks = base.checks.map((check) => {
      const cell = check.cells.find((c) => c.verdict === 'advisory');
      if (!cell?.failure) return check;
      const failure = cell.failure;
      return {
        ...check,
        cells: columns.map((column) => ({
          ...cell,
          column,
          failure: { ...failure, replayCommand: `replay ${column}` },
        })),
      };
    });
    const text = jobSummaryMarkdown({ ...base, checks, columns });
    const advisory = sectionOf(text, 'Advisory findings');
    expect(advisory).toContain('replay c @ pro');
    expect(advisory).not.toContain('replay d @ pro');
    expect(advisory).toContain('- and 2 more replay commands, one for each other column: see index.html.');
  });

  it(`lists at most ${LISTED_PER_SECTION} requirements a section and counts the rest`, () => {
    const many: RequirementResult[] = Array.from({ length: LISTED_PER_SECTION + 7 }, (_, i) => ({
      id: `X-${i + 1}`,
      level: 'MUST',
      statement: 's',
      verdict: 'fail',
      reason: 'r',
      checks: [],
    }));
    const text = jobSummaryMarkdown(sampleSummary({ requirements: many }));
    expect(text).toContain(`**X-${LISTED_PER_SECTION}**`);
    expect(text).not.toContain(`**X-${LISTED_PER_SECTION + 1}**`);
    expect(text).toContain('- … and 7 more: see index.html in the reports.');
  });
});
