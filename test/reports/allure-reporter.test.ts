import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLURE_STATUSES, type AllureTestResult } from '../../reports/allure/allure-model.js';
import { allureReporter, allureResults } from '../../reports/allure/allure-reporter.js';
import { javaProperties } from '../../reports/allure/java-properties.js';
import { carryHistory } from '../../reports/allure/allure-history.js';
import { environment } from '../../reports/allure/allure-run.js';
import {
  BATTERY_COMMANDS,
  BATTERY_REPLAY,
  HOSTILE,
  KIT_ERROR_REASON,
  PAGE_SOURCE,
  SCREENSHOT_PNG,
  sampleSummary,
} from './sample-summary.js';

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
    expect(failed.parameters).toContainEqual({ name: 'seed', value: '1702418734', excluded: true });
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

    // An untested cell is skipped too, as Allure has no other status for it, but says so and has its own category.
    const check = summary.checks[0]!;
    const cell = { ...check.cells[0]!, verdict: 'untested' as const, reason: 'no Chromium at /x' };
    const [untested] = allureResults({ ...summary, checks: [{ ...check, cells: [cell] }] });
    expect(untested?.status).toBe('skipped');
    expect(untested?.statusDetails.message).toBe('Untested (applies, not checkable here): no Chromium at /x');
    expect(find('pair.qr-pairing', 'iphone-13 @ home').status).toBe('passed');
    expect(find('pair.qr-pairing', 'iphone-13 @ home').parameters).toContainEqual({
      name: 'seed',
      value: '1234567',
      excluded: true,
    });
  });

  it("attaches a failure's counterexample and HTTP exchanges as text files, apart from the trace", () => {
    const resume = find('bak.resume', 'redmi-note-8 @ home');
    expect(resume.attachments).toEqual([
      {
        name: 'Counterexample and replay command',
        source: `${resume.uuid}-counterexample-attachment.txt`,
        type: 'text/plain',
      },
      {
        name: 'HTTP exchanges of the failing attempt',
        source: `${resume.uuid}-exchanges-attachment.txt`,
        type: 'text/plain',
      },
    ]);
    const text = readFileSync(path.join(reporter.path, resume.attachments[1]!.source), 'utf8');
    expect(text).toContain('  2. POST /v1/uploads → 200');
    expect(text).toContain('authorization: Bearer [masked: 43 chars]');
    expect(resume.statusDetails.trace).not.toContain('HTTP exchanges');
    const counterexample = readFileSync(path.join(reporter.path, resume.attachments[0]!.source), 'utf8');
    expect(counterexample).toContain(`Replay: ${summary.checks[2]!.cells[2]!.failure!.replayCommand}`);
    expect(counterexample).toContain('Commands (shrunk):');
    expect(find('pair.qr-pairing', 'iphone-13 @ pro').attachments).toEqual([]);
  });

  it('attaches the screenshot and page source of a failure seen through the screens, as real files', () => {
    const battery = find('run.battery-thresholds', 'iphone-13 @ pro');
    const byName = new Map(battery.attachments.map((a) => [a.name, a]));
    const shot = byName.get('Screenshot of the failing screen')!;
    expect(shot).toMatchObject({ type: 'image/png', source: expect.stringMatching(/-attachment\.png$/) });
    const png = readFileSync(path.join(reporter.path, shot.source));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.toString('base64')).toBe(SCREENSHOT_PNG);
    const source = byName.get('Page source of the failing screen')!;
    expect(source.type).toBe('text/xml');
    expect(readFileSync(path.join(reporter.path, source.source), 'utf8')).toBe(PAGE_SOURCE);
    // Every attachment any result names is a file beside it.
    for (const r of results)
      for (const a of r.attachments) expect(existsSync(path.join(reporter.path, a.source))).toBe(true);
  });

  it('shows each shrunk command and each HTTP exchange as a step, the finding on the last', () => {
    const battery = find('run.battery-thresholds', 'iphone-13 @ pro');
    expect(battery.steps.map((s) => s.name)).toEqual(['Commands (shrunk counterexample)']);
    const commands = battery.steps[0]!.steps;
    expect(commands.map((s) => s.name)).toEqual(BATTERY_COMMANDS);
    expect(commands.map((s) => s.status)).toEqual([...BATTERY_COMMANDS.slice(1).map(() => 'passed'), 'failed']);

    const resume = find('bak.resume', 'redmi-note-8 @ home');
    const exchanges = resume.steps.find((s) => s.name.startsWith('HTTP exchanges'))!;
    expect(exchanges.name).toContain('(4 earlier not kept)');
    expect(exchanges.steps.map((s) => s.name)).toEqual([
      'POST /v1/console/pairings → 201',
      'POST /v1/uploads → 200',
      'GET /v1/items → no answer (connect ECONNREFUSED 127.0.0.1:50000)',
    ]);
    expect(exchanges.steps[0]!.parameters).toContainEqual({ name: 'request body', value: '{"mode":"add"}' });
    expect(exchanges.steps[2]!.status).toBe('broken');
    expect(find('totp.rfc6238', 'iphone-13 @ pro').steps).toEqual([]);
    expect(find('pair.qr-pairing', 'iphone-13 @ pro').steps).toEqual([]);
  });

  it('links each result to its requirements, and to their seed sections when the seeds are published', () => {
    const battery = find('run.battery-thresholds', 'iphone-13 @ pro');
    expect(battery.links).toEqual(
      ['RUN-03', 'RUN-04', 'RUN-06'].map((id) => ({ name: id, url: `../index.html#req-${id}`, type: 'tms' })),
    );
    expect(battery.description).toContain('RUN-03 (seed 000 §2.5: Battery Requirement)');
    const published = allureResults(summary, { seedsUrl: 'https://example.test/seeds/' }).find(
      (r) => r.name === battery.name,
    )!;
    const seedLinks = published.links.filter((l) => l.type === 'link');
    expect(seedLinks.length).toBeGreaterThan(0);
    expect(seedLinks[0]!.url).toMatch(/^https:\/\/example\.test\/seeds\/000_8f6d92a3609944da\.txt#:~:text=/);
  });

  it("times each result by its cell's own start and duration, all within the run", () => {
    const runStart = Date.parse(summary.startedAt);
    const runStop = runStart + summary.durationMs;
    for (const r of results) {
      expect(r.start).toBeGreaterThanOrEqual(runStart);
      expect(r.stop).toBeLessThanOrEqual(runStop);
    }
    const battery = find('run.battery-thresholds', 'iphone-13 @ pro');
    expect(battery.stop - battery.start).toBe(Math.round(summary.checks[1]!.cells[1]!.durationMs));
    expect(battery.start).toBeLessThan(battery.stop);
    // Cells run side by side: 400 cells of 5 s each in a 60 s run stay within those 60 s, with or without their
    // own start times (an older summary has none).
    const busy = (startedAt: boolean) =>
      allureResults({
        ...summary,
        durationMs: 60_000,
        checks: Array.from({ length: 100 }, (_, i) => ({
          ...summary.checks[0]!,
          checkId: `busy.${i}`,
          cells: summary.checks[0]!.cells.map((c, j) => {
            const { startedAt: _drop, ...rest } = c;
            const own = new Date(runStart + ((i * 4 + j) % 55) * 1000).toISOString();
            return { ...rest, durationMs: 5000, ...(startedAt ? { startedAt: own } : {}) };
          }),
        })),
      });
    for (const list of [busy(true), busy(false)]) {
      expect(list).toHaveLength(400);
      expect(Math.max(...list.map((r) => r.stop)) - Math.min(...list.map((r) => r.start))).toBeLessThanOrEqual(60_000);
      for (const r of list) expect(r.start).toBeLessThan(r.stop);
    }
  });

  it('carries the history of an earlier report into the results, and says so when a folder has none', async () => {
    const earlier = mkdtempSync(path.join(tmpdir(), 'mbsc-allure-earlier-'));
    const next = mkdtempSync(path.join(tmpdir(), 'mbsc-allure-next-'));
    try {
      mkdirSync(path.join(earlier, 'history'));
      const history = {
        [find('pair.qr-pairing', 'iphone-13 @ pro').historyId]: { statistic: { passed: 1, total: 1 } },
      };
      writeFileSync(path.join(earlier, 'history', 'history.json'), JSON.stringify(history));
      writeFileSync(path.join(earlier, 'history', 'history-trend.json'), '[{"data":{"passed":1,"total":1}}]');
      await allureReporter({ outDir: next, allureHistory: earlier }).onRunEnd(summary);
      const carried = path.join(next, 'allure-results', 'history');
      expect(readdirSync(carried).sort()).toEqual(['history-trend.json', 'history.json']);
      expect(JSON.parse(readFileSync(path.join(carried, 'history.json'), 'utf8'))).toEqual(history);
      await expect(carryHistory(next, next)).rejects.toMatchObject({ code: 'report-history-missing' });
    } finally {
      rmSync(earlier, { recursive: true, force: true });
      rmSync(next, { recursive: true, force: true });
    }
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
    const untested = (categories as { name: string; messageRegex?: string }[]).find((c) =>
      c.name.startsWith('Untested'),
    );
    expect('Untested (applies, not checkable here): no Chromium').toMatch(
      new RegExp(untested!.messageRegex!.replace('(?s)', ''), 's'),
    );
    expect(categories).toContainEqual(expect.objectContaining({ matchedStatuses: ['broken'] }));
  });

  it('gives a run that is an error with no cell to say so one broken result with the reason', () => {
    const reason = 'nothing applicable ran: no selected check applies to this target';
    const [run, ...rest] = allureResults({ ...summary, verdict: 'error', reason, checks: [] });
    expect(rest).toEqual([]);
    expect(run).toMatchObject({ status: 'broken', statusDetails: { message: reason }, fullName: 'mbsc.run' });
  });

  it("names an error run's verdict and reason in environment.properties", () => {
    const reason = 'the target could not be tested: connect ECONNREFUSED 127.0.0.1:1';
    expect(environment({ ...summary, verdict: 'error', reason })).toMatchObject({
      verdict: 'ERROR',
      'verdict.reason': reason,
    });
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
    async () => {
      const script = path.resolve('reports/allure/generate-report.mjs');
      const run = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const widget = JSON.parse(readFileSync(path.join(out, 'allure-report', 'widgets', 'summary.json'), 'utf8'));
      expect(widget.statistic).toMatchObject({ total: 28, failed: 2, broken: 1, skipped: 7, passed: 18 });
      // The report's span is the run's own, not the cells' durations laid end to end.
      expect(widget.time.stop - widget.time.start).toBeLessThanOrEqual(summary.durationMs);
      const categories = JSON.parse(
        readFileSync(path.join(out, 'allure-report', 'widgets', 'categories.json'), 'utf8'),
      );
      const sizes = Object.fromEntries(
        (categories.items as { name: string; statistic: { total: number } }[]).map((c) => [c.name, c.statistic.total]),
      );
      expect(sizes).toMatchObject({ 'MUST failures': 2, 'ADVISORY findings': 2 });

      // Generated again from a run with another seed, the report carries the first one's history: each test has two
      // runs behind it, under one history id (the seed is not part of it). The placeholder history the first test put
      // in the results would take precedence, so it goes.
      rmSync(path.join(reporter.path, 'history'), { recursive: true, force: true });
      await reporter.onRunEnd({ ...summary, seed: 7_654_321 });
      const again = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8', timeout: 120_000 });
      expect(again.status, again.stderr).toBe(0);
      const history = JSON.parse(readFileSync(path.join(out, 'allure-report', 'history', 'history.json'), 'utf8'));
      // One entry per check on its column, each with both runs: had the seed been part of the id, the cells whose
      // parameter is the run's seed would have split in two entries of one run each.
      const entries = Object.values(history) as { statistic: { total: number }; items: unknown[] }[];
      expect(entries).toHaveLength(results.length);
      for (const entry of entries) expect(entry.items).toHaveLength(2);
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
