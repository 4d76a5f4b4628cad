import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLURE_STATUSES, type AllureTestResult } from '../../reports/allure/allure-model.js';
import { allureReporter, allureResults } from '../../reports/allure/allure-reporter.js';
import { javaProperties } from '../../reports/allure/java-properties.js';
import { BATTERY_REPLAY, HOSTILE, KIT_ERROR_REASON, sampleSummary } from './sample-summary.js';

const summary = sampleSummary();
const out = mkdtempSync(path.join(tmpdir(), 'mbsc-allure-'));
const reporter = allureReporter({ outDir: out });
let results: AllureTestResult[] = [];

beforeAll(async () => {
  // Leftovers of an earlier run must go; the history Allure keeps for trends must stay.
  mkdirSync(path.join(reporter.path, 'history'), { recursive: true });
  writeFileSync(path.join(reporter.path, 'history', 'history.json'), '{}');
  writeFileSync(path.join(reporter.path, 'stale-result.json'), '{}');
  await reporter.onRunEnd(summary);
  results = readdirSync(reporter.path)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(path.join(reporter.path, f), 'utf8')) as AllureTestResult);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const find = (checkId: string, column: string) =>
  results.find((r) => r.fullName.includes(`.${checkId} [`) && r.parameters.some((p) => p.value === column))!;
const labels = (r: AllureTestResult, name: string) => r.labels.filter((l) => l.name === name).map((l) => l.value);

describe('allure-results', () => {
  it('writes one valid result file per check on each column, and clears the previous run’s', () => {
    expect(results).toHaveLength(summary.checks.length * summary.columns.length);
    expect(existsSync(path.join(reporter.path, 'stale-result.json'))).toBe(false);
    expect(existsSync(path.join(reporter.path, 'history', 'history.json'))).toBe(true);
    for (const r of results) {
      expect(readdirSync(reporter.path)).toContain(`${r.uuid}-result.json`);
      expect(r.uuid).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof r.name).toBe('string');
      expect(typeof r.fullName).toBe('string');
      expect(ALLURE_STATUSES).toContain(r.status);
      expect(r.stage).toBe('finished');
      expect(r.stop).toBeGreaterThanOrEqual(r.start);
      expect(labels(r, 'suite')).toHaveLength(1);
      expect(labels(r, 'parentSuite')).toHaveLength(1);
      expect(r.parameters.map((p) => p.name)).toEqual(['column', 'seed']);
    }
    expect(new Set(results.map((r) => r.historyId)).size).toBe(results.length);
    expect(new Set(results.map((r) => r.uuid)).size).toBe(results.length);
  });

  it('maps verdicts: fail → failed, advisory → passed with the finding, error → broken, expected → skipped', () => {
    const failed = find('run.battery-thresholds', 'iphone-13 @ pro');
    expect(failed.status).toBe('failed');
    expect(failed.statusDetails.message).toBe(summary.checks[1]!.cells[1]!.failure!.message);
    expect(failed.statusDetails.trace).toContain(`Replay: ${BATTERY_REPLAY}`);
    expect(failed.statusDetails.trace).toContain('Seed: 1702418734');
    expect(labels(failed, 'feature')).toEqual(['RUN-03', 'RUN-04', 'RUN-06']);
    expect(labels(failed, 'tag')).toEqual(['MUST']);
    expect(labels(failed, 'suite')).toEqual([
      'RUN: Run conditions: LAN, battery, charging, power saving, automated backup',
    ]);
    expect(labels(failed, 'parentSuite')).toEqual(['pro']);
    expect(labels(failed, 'subSuite')).toEqual(['iphone-13']);
    expect(failed.parameters).toContainEqual({ name: 'seed', value: '1702418734' });
    expect(failed.start).toBe(Date.parse(summary.checks[1]!.cells[1]!.startedAt!));

    const advisory = find('totp.rfc6238', 'redmi-note-8 @ pro');
    expect(advisory.status).toBe('passed');
    expect(advisory.statusDetails.message).toMatch(/^ADVISORY finding/);
    expect(labels(advisory, 'tag')).toEqual(['MUST', 'ADVISORY']);

    const errored = find('push.expiry', 'redmi-note-8 @ pro');
    expect(errored.status).toBe('broken');
    expect(errored.statusDetails.message).toBe(KIT_ERROR_REASON);
    expect(errored.statusDetails.trace).toContain('at approve (conformance/suites/push/expiry.ts:42:17)');

    const expected = find('bak.incremental', 'redmi-note-8 @ pro');
    expect(expected.status).toBe('skipped');
    expect(expected.statusDetails).toMatchObject({ known: true, message: expect.stringMatching(/^Expected failure/) });
    expect(labels(expected, 'tag')).toContain('expected-failure');

    const skipped = find('push.expiry', 'iphone-13 @ home');
    expect(skipped.status).toBe('skipped');
    expect(skipped.statusDetails.message).toBe('2FA exists on Pro and Lite only; Home has none.');
    expect(find('pair.qr-pairing', 'iphone-13 @ home').status).toBe('passed');
    expect(find('pair.qr-pairing', 'iphone-13 @ home').parameters).toContainEqual({ name: 'seed', value: '1234567' });
  });

  it("attaches a failure's HTTP exchanges as a text file, apart from the trace", () => {
    const resume = find('bak.resume', 'redmi-note-8 @ home');
    expect(resume.attachments).toEqual([
      {
        name: 'HTTP exchanges of the failing attempt',
        source: expect.stringMatching(/-attachment\.txt$/),
        type: 'text/plain',
      },
    ]);
    const text = readFileSync(path.join(reporter.path, resume.attachments[0]!.source), 'utf8');
    expect(text).toContain('  2. POST /v1/uploads → 200');
    expect(text).toContain('authorization: Bearer [masked: 43 chars]');
    expect(resume.statusDetails.trace).not.toContain('HTTP exchanges');
    expect(find('run.battery-thresholds', 'iphone-13 @ pro').attachments).toEqual([]);
  });

  it('writes environment.properties, executor.json and categories.json', () => {
    const env = readFileSync(path.join(reporter.path, 'environment.properties'), 'utf8');
    expect(env).toMatch(/^seed=1234567$/m);
    expect(env).toMatch(/^verdict=FAIL$/m);
    expect(env).toContain('target=Reference MBS, in process, with simulated devices </script>');
    expect(env).toMatch(/^[\x20-\x7e\n]*$/); // ISO-8859-1 safe: everything else is \uXXXX
    const executor = JSON.parse(readFileSync(path.join(reporter.path, 'executor.json'), 'utf8'));
    expect(executor).toMatchObject({ name: 'mbsc', type: 'mbsc', reportName: 'mbsc conformance report' });
    const categories = JSON.parse(readFileSync(path.join(reporter.path, 'categories.json'), 'utf8'));
    expect(categories).toContainEqual(
      expect.objectContaining({ name: 'ADVISORY findings', matchedStatuses: ['passed'] }),
    );
    expect(categories).toContainEqual({ name: 'MUST failures', matchedStatuses: ['failed'] });
    expect(categories).toContainEqual(expect.objectContaining({ matchedStatuses: ['broken'] }));
  });

  it('gives a run that is an error with no cell to say so one broken result with the reason', () => {
    const reason = 'nothing applicable ran: no selected check applies to this target';
    const [run, ...rest] = allureResults({ ...summary, verdict: 'error', reason, checks: [] });
    expect(rest).toEqual([]);
    expect(run).toMatchObject({ status: 'broken', statusDetails: { message: reason }, fullName: 'mbsc.run' });
  });

  it('escapes properties so a hostile value cannot add an entry', () => {
    const text = javaProperties({
      'a key=x:y': `line\nsecond=injected ${HOSTILE.emoji}`,
      lead: '  spaced',
      skip: undefined,
    });
    expect(text.split('\n').filter(Boolean)).toEqual([
      'a\\ key\\=x\\:y=line\\nsecond=injected battery \\uD83D\\uDD0B low \\uD83E\\uDEAB flag \\uD83C\\uDFF3\\uFE0F\\u200D\\uD83C\\uDF08',
      'lead=\\  spaced',
    ]);
  });

  it.skipIf(spawnSync('java', ['-version']).status !== 0)(
    'is read by allure generate, which counts the same results (skipped when Java is missing)',
    () => {
      const script = path.resolve('reports/allure/generate-report.mjs');
      const run = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const widget = JSON.parse(readFileSync(path.join(out, 'allure-report', 'widgets', 'summary.json'), 'utf8'));
      expect(widget.statistic).toMatchObject({ total: 28, failed: 2, broken: 1, skipped: 7, passed: 18 });
      const categories = JSON.parse(
        readFileSync(path.join(out, 'allure-report', 'widgets', 'categories.json'), 'utf8'),
      );
      const sizes = Object.fromEntries(
        (categories.items as { name: string; statistic: { total: number } }[]).map((c) => [c.name, c.statistic.total]),
      );
      expect(sizes).toMatchObject({ 'MUST failures': 2, 'ADVISORY findings': 2 });
    },
  );

  it('report:allure fails fast, saying what to do, when there are no results', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'mbsc-allure-none-'));
    try {
      const run = spawnSync(process.execPath, ['reports/allure/generate-report.mjs', '--out', empty], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`report:allure: no Allure results in ${path.join(empty, 'allure-results')}`);
      expect(run.stderr).toContain('npm start');
      const usage = spawnSync(process.execPath, ['reports/allure/generate-report.mjs', '--bogus'], {
        encoding: 'utf8',
      });
      expect(usage.status).toBe(64);
      expect(usage.stderr).toContain('usage: npm run report:allure');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
