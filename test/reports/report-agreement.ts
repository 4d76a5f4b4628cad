/**
 * Holds every report of one run to summary.json: the same run verdict, and each cell rendered as its verdict says
 * in junit.xml (fail → <failure>, error → <error>, advisory → a passing testcase), allure-results/ (failed, broken,
 * passed with the finding, skipped) and index.html's data (findings, matrix and banner), with no red ✗ on a row
 * whose requirement did not fail. The expected counts are read off the summary's cells here, not by the writers' code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Cell, Summary } from '../../conformance/runner/summary-schema.js';
import type { AllureTestResult } from '../../reports/allure/allure-model.js';
import type { ReportData } from '../../reports/html/report-data.js';
import { parseXml } from './strict-xml.js';

export interface WrittenReports {
  readonly summary: Summary;
  readonly junit: Readonly<Record<'tests' | 'failures' | 'errors' | 'skipped', number>>;
  readonly allure: readonly AllureTestResult[];
  readonly environment: string;
  readonly html: string;
  readonly data: ReportData;
}

export function readReports(dir: string): WrittenReports {
  const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as Summary;
  const root = parseXml(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).documentElement!;
  const count = (name: string) => Number(root.getAttribute(name));
  const results = path.join(dir, 'allure-results');
  const allure = readdirSync(results)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(path.join(results, f), 'utf8')) as AllureTestResult);
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const embedded = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html)?.[1] ?? 'null';
  return {
    summary,
    junit: { tests: count('tests'), failures: count('failures'), errors: count('errors'), skipped: count('skipped') },
    allure,
    environment: readFileSync(path.join(results, 'environment.properties'), 'utf8'),
    html,
    data: JSON.parse(embedded) as ReportData,
  };
}

/** Checks the reports against their summary; returns the cells by verdict, for the caller's own expectations. */
export function expectReportsAgree(reports: WrittenReports): Record<Cell['verdict'], number> {
  const { summary, junit, allure, data } = reports;
  const cells = summary.checks.flatMap((c) => c.cells);
  const by = (verdict: Cell['verdict']) => cells.filter((c) => c.verdict === verdict).length;
  const counts = Object.fromEntries(
    (['pass', 'fail', 'advisory', 'skipped', 'untested', 'error'] as const).map((v) => [v, by(v)]),
  ) as Record<Cell['verdict'], number>;
  // A finding card stands for every column it was seen on.
  const columnsOf = (list: ReportData['findings']) => list.reduce((n, f) => n + f.columns.length, 0);
  const expected = columnsOf(data.findings.filter((f) => f.expected));
  // A run that is `error` with no error cell gets one entry of its own in JUnit and Allure.
  const runLevel = summary.verdict === 'error' && counts.error === 0 ? 1 : 0;

  expect(junit).toEqual({
    tests: cells.length + runLevel,
    failures: counts.fail - expected,
    errors: counts.error + runLevel,
    skipped: counts.skipped + counts.untested + expected,
  });
  const status = (s: AllureTestResult['status']) => allure.filter((r) => r.status === s).length;
  expect({
    failed: status('failed'),
    broken: status('broken'),
    passed: status('passed'),
    skipped: status('skipped'),
  }).toEqual({
    failed: counts.fail - expected,
    broken: counts.error + runLevel,
    passed: counts.pass + counts.advisory,
    skipped: counts.skipped + counts.untested + expected,
  });
  const advisories = allure.filter((r) => r.statusDetails.message?.startsWith('ADVISORY finding'));
  expect(advisories.map((r) => r.status)).toEqual(Array(counts.advisory).fill('passed'));
  expect(reports.environment).toMatch(new RegExp(`^verdict=${summary.verdict.toUpperCase()}$`, 'm'));

  expect(data.summary.verdict).toBe(summary.verdict);
  expect(reports.html).toContain(`<title>${summary.verdict.toUpperCase()}: mbsc conformance`);
  const findings = (v: string) => columnsOf(data.findings.filter((f) => f.verdict === v));
  expect([findings('fail'), findings('advisory'), findings('error')]).toEqual([counts.fail, counts.advisory, 0]);
  // Error cells are grouped by reason, every one of them listed in its group.
  expect(data.errors.reduce((n, g) => n + g.cells.length, 0)).toBe(counts.error);
  expect(new Set(data.errors.map((g) => g.reason)).size).toBe(data.errors.length);
  const verdictOf = new Map(summary.requirements.map((r) => [r.id, r.verdict]));
  for (const row of data.matrix.rows) {
    expect(row.verdict, row.id).toBe(verdictOf.get(row.id));
    const marks = new Set(row.cells.map((c) => c.verdict));
    if (marks.has('fail')) expect([row.id, row.level, row.verdict]).toEqual([row.id, 'MUST', 'fail']);
    if (marks.has('advisory')) expect([row.id, row.level]).toEqual([row.id, 'ADVISORY']);
  }
  return counts;
}
