/**
 * junit.xml for CI systems: one testsuite per area, one testcase per check on one matrix column, each rendering its
 * cell's verdict as the runner derived it. JUnit consumers fail a build on any <failure> (Jenkins marks it UNSTABLE),
 * so failures here are exactly what fails the run: an ADVISORY finding is a passing testcase with its `verdict`
 * property `advisory` and the finding in system-out, and a failure the expected-failures baseline lists is skipped
 * (as pytest reports an xfail), its details in system-out too. An `error` cell (the kit failed, or the target could
 * not be reached) is an <error>, as JUnit means it: the test could not run to a verdict. A run that is `error` with no
 * cell to say so (nothing applicable ran, or no check was run) gets a testsuite `mbsc run` whose one testcase is that
 * <error>, never `tests="0"` and nothing. Every failure carries its message, counterexample, seed and replay command.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { failureText, findingIndex, findings, requirementsByCheck, runLevelError, type Finding } from '../findings.js';
import { outDirOf, writeFileAtomic, type WriterOptions } from '../output-files.js';
import type { WriterReporter } from '../../conformance/runner/reporter.js';
import type { Cell, CheckResult, Summary } from '../../conformance/runner/summary-schema.js';
import { areaTitle } from '../traceability.js';
import { xmlAttributes, xmlText } from './xml-text.js';

export const JUNIT_FILE = 'junit.xml';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
}

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

const zero = (): Counts => ({ tests: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 });

export function junitReporter(options: WriterOptions = {}): WriterReporter {
  const file = path.join(outDirOf(options), JUNIT_FILE);
  return {
    name: 'junit.xml',
    path: file,
    async onRunEnd(summary) {
      await writeFileAtomic(file, junitXml(summary));
    },
  };
}

export function junitXml(summary: Summary): string {
  const findingOf = findingIndex(findings(summary));
  const covers = requirementsByCheck(summary);
  const byArea = new Map<string, CheckResult[]>();
  for (const check of summary.checks) byArea.set(check.area, [...(byArea.get(check.area) ?? []), check]);

  const total = zero();
  const suite = (name: string, id: number, counts: Counts, cases: readonly string[]) => {
    for (const key of ['tests', 'failures', 'errors', 'skipped', 'seconds'] as const) total[key] += counts[key];
    const attributes = xmlAttributes({
      name,
      id,
      tests: counts.tests,
      failures: counts.failures,
      errors: counts.errors,
      skipped: counts.skipped,
      time: seconds(counts.seconds),
      timestamp: summary.startedAt,
      hostname: hostname(),
    });
    return `  <testsuite${attributes}>\n${runProperties(summary)}${cases.join('')}  </testsuite>\n`;
  };
  const suites = [...byArea].map(([area, checks], id) => {
    const counts = zero();
    const cases = checks.flatMap((check) =>
      check.cells.map((cell) => {
        const finding = findingOf(check.checkId, cell.column);
        const outcome = outcomeOf(cell, finding);
        counts.tests += 1;
        counts.seconds += cell.durationMs / 1000;
        if (outcome === 'failure') counts.failures += 1;
        if (outcome === 'error') counts.errors += 1;
        if (outcome === 'skipped') counts.skipped += 1;
        return testcase(check, cell, covers.get(check.checkId) ?? [], finding);
      }),
    );
    return suite(`${area}: ${areaTitle(area)}`, id, counts, cases);
  });
  const runError = runLevelError(summary);
  if (runError !== undefined) {
    const counts = { ...zero(), tests: 1, errors: 1 };
    suites.push(suite(RUN_SUITE, suites.length, counts, [runErrorCase(runError)]));
  }

  const root = xmlAttributes({
    name: `mbsc conformance: ${summary.target.description}`,
    tests: total.tests,
    failures: total.failures,
    errors: total.errors,
    skipped: total.skipped,
    time: seconds(summary.durationMs / 1000),
    timestamp: summary.startedAt,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.join('')}</testsuites>\n`;
}

function outcomeOf(cell: Cell, finding: Finding | undefined): Outcome {
  if (cell.verdict === 'skipped' || cell.verdict === 'untested') return 'skipped';
  if (cell.verdict === 'error') return 'error';
  if (finding?.verdict === 'fail') return finding.expected ? 'skipped' : 'failure';
  return 'passed';
}

function testcase(check: CheckResult, cell: Cell, requirementIds: readonly string[], finding?: Finding): string {
  const attributes = xmlAttributes({
    name: `${check.title} [${cell.column}]`,
    classname: `${check.area}.${check.checkId}`,
    time: seconds(cell.durationMs / 1000),
  });
  const properties = [
    property('requirements', requirementIds.join(' ')),
    property('column', cell.column),
    property('verdict', finding?.expected ? 'expected failure' : cell.verdict),
    property('runs', String(cell.runs)),
    ...(cell.unchecked
      ? [property('not checked here', `${cell.unchecked.requirements.join(' ')}: ${cell.unchecked.reason}`)]
      : []),
    ...(finding?.failure.seed !== undefined ? [property('seed', String(finding.failure.seed))] : []),
  ];
  const body = [`      <properties>\n${properties.join('')}      </properties>\n`];
  const outcome = outcomeOf(cell, finding);
  if (outcome === 'skipped' && !finding) {
    body.push(`      <skipped${xmlAttributes({ message: cell.reason ?? cell.verdict })}/>\n`);
  } else if (finding && (outcome === 'failure' || outcome === 'error')) {
    const failed = outcome === 'failure';
    const [tag, type] = failed ? ['failure', 'ConformanceFailure'] : ['error', 'ConformanceError'];
    // An error's message goes on with the kit's stack, which belongs in the body, not in the one-line attribute.
    const text = failed ? finding.failure.message : (cell.reason ?? finding.failure.message.split('\n', 1)[0]);
    const message = xmlAttributes({ message: text, type });
    body.push(`      <${tag}${message}>${xmlText(failureText(finding.failure))}</${tag}>\n`);
  } else if (finding) {
    const label = finding.expected
      ? 'Expected failure, listed in the baseline: it does not fail the run.'
      : 'ADVISORY finding: it does not fail the run.';
    if (finding.expected)
      body.push(`      <skipped${xmlAttributes({ message: `${label} ${finding.failure.message}` })}/>\n`);
    body.push(`      <system-out>${xmlText(`${label}\n\n${failureText(finding.failure)}`)}</system-out>\n`);
  }
  return `    <testcase${attributes}>\n${body.join('')}    </testcase>\n`;
}

const RUN_SUITE = 'mbsc run';

function runErrorCase(reason: string): string {
  const attributes = xmlAttributes({ name: 'the run tested its target', classname: 'mbsc.run', time: seconds(0) });
  const error = xmlAttributes({ message: reason, type: 'ConformanceError' });
  return `    <testcase${attributes}>\n      <error${error}>${xmlText(reason)}</error>\n    </testcase>\n`;
}

function runProperties(summary: Summary): string {
  const entries: [string, string | undefined][] = [
    ['target', summary.target.description],
    ['target.kind', summary.target.kind],
    ['target.url', summary.target.url],
    ['editions', summary.target.editions.join(' ')],
    ['seed', String(summary.seed)],
    ['command', summary.command],
    ['kitVersion', summary.kitVersion],
    ['verdict', summary.verdict],
    ['reason', summary.reason],
  ];
  const lines = entries.filter(([, v]) => v !== undefined).map(([k, v]) => property(k, v ?? '', '      '));
  return `    <properties>\n${lines.join('')}    </properties>\n`;
}

function property(name: string, value: string, indent = '        '): string {
  return `${indent}<property${xmlAttributes({ name, value })}/>\n`;
}

function seconds(value: number): string {
  return value.toFixed(3);
}
