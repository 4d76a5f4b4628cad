/**
 * junit.xml for CI systems: one testsuite per area, one testcase per check on one matrix column. JUnit consumers fail
 * a build on any <failure>, so failures here are exactly what fails the run: an ADVISORY finding is a passing testcase
 * with the finding in system-out, and a failure the expected-failures baseline lists is skipped (as pytest reports an
 * xfail), its details in system-out too. Every failure carries its message, counterexample, seed and replay command.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { failureText, findingIndex, findings, requirementsByCheck, type Finding } from '../findings.js';
import { outDirOf, writeFileAtomic, type WriterOptions } from '../output-files.js';
import type { WriterReporter } from '../../conformance/runner/reporter.js';
import type { Cell, CheckResult, Summary } from '../../conformance/runner/summary-schema.js';
import { areaTitle } from '../traceability.js';
import { xmlAttributes, xmlText } from './xml-text.js';

export const JUNIT_FILE = 'junit.xml';

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
  seconds: number;
}

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

  const total: Counts = { tests: 0, failures: 0, skipped: 0, seconds: 0 };
  const suites = [...byArea].map(([area, checks], id) => {
    const counts: Counts = { tests: 0, failures: 0, skipped: 0, seconds: 0 };
    const cases = checks.flatMap((check) =>
      check.cells.map((cell) => {
        const finding = findingOf(check.checkId, cell.column);
        const outcome = outcomeOf(cell, finding);
        counts.tests += 1;
        counts.seconds += cell.durationMs / 1000;
        if (outcome === 'failure') counts.failures += 1;
        if (outcome === 'skipped') counts.skipped += 1;
        return testcase(check, cell, covers.get(check.checkId) ?? [], finding);
      }),
    );
    for (const key of ['tests', 'failures', 'skipped', 'seconds'] as const) total[key] += counts[key];
    const attributes = xmlAttributes({
      name: `${area}: ${areaTitle(area)}`,
      id,
      tests: counts.tests,
      failures: counts.failures,
      errors: 0,
      skipped: counts.skipped,
      time: seconds(counts.seconds),
      timestamp: summary.startedAt,
      hostname: hostname(),
    });
    return `  <testsuite${attributes}>\n${runProperties(summary)}${cases.join('')}  </testsuite>\n`;
  });

  const root = xmlAttributes({
    name: `mbsc conformance: ${summary.target.description}`,
    tests: total.tests,
    failures: total.failures,
    errors: 0,
    skipped: total.skipped,
    time: seconds(summary.durationMs / 1000),
    timestamp: summary.startedAt,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.join('')}</testsuites>\n`;
}

function outcomeOf(cell: Cell, finding: Finding | undefined): 'passed' | 'failure' | 'skipped' {
  if (cell.verdict === 'skipped' || cell.verdict === 'untested') return 'skipped';
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
    ...(finding?.failure.seed !== undefined ? [property('seed', String(finding.failure.seed))] : []),
  ];
  const body = [`      <properties>\n${properties.join('')}      </properties>\n`];
  const outcome = outcomeOf(cell, finding);
  if (outcome === 'skipped' && !finding) {
    body.push(`      <skipped${xmlAttributes({ message: cell.reason ?? cell.verdict })}/>\n`);
  } else if (finding && outcome === 'failure') {
    const type = 'ConformanceFailure';
    const message = xmlAttributes({ message: finding.failure.message, type });
    body.push(`      <failure${message}>${xmlText(failureText(finding.failure))}</failure>\n`);
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
