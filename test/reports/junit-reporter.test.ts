import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { junitReporter, junitXml } from '../../reports/junit/junit-reporter.js';
import { xmlAttributes, xmlText } from '../../reports/junit/xml-text.js';
import { BATTERY_COMMANDS, BATTERY_REPLAY, HOSTILE, KIT_ERROR_REASON, sampleSummary } from './sample-summary.js';
import { child, children, NOT_XML_CHAR, parseXml } from './strict-xml.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mbsc-junit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = sampleSummary();
const reporter = junitReporter({ outDir: dir });
await reporter.onRunEnd(summary);
const raw = readFileSync(reporter.path, 'utf8');
const doc = parseXml(raw);
const root = doc.documentElement!;
const suites = children(root, 'testsuite');
const cases = suites.flatMap((s) => children(s, 'testcase'));
const testcase = (classname: string, column: string): Element =>
  cases.find((c) => c.getAttribute('classname') === classname && c.getAttribute('name')!.endsWith(`[${column}]`))!;

describe('junit.xml', () => {
  it('is well-formed XML 1.0 with nothing a strict parser rejects', () => {
    expect(raw.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(NOT_XML_CHAR.test(raw)).toBe(false);
    expect(raw).not.toContain(']]>');
    expect(raw).not.toContain('<script');
  });

  it('has one testsuite per area and one testcase per check on each column, with the right counts', () => {
    expect(suites.map((s) => s.getAttribute('name')!.split(':')[0])).toEqual([
      'PAIR',
      'RUN',
      'BAK',
      'TOTP',
      'FTYPE',
      'PUSH',
    ]);
    expect(cases).toHaveLength(summary.checks.length * summary.columns.length);
    // Fails: the battery check on iphone-13 @ pro and the resume check on redmi-note-8 @ home. Skipped: six cells,
    // plus the failure the baseline expects. The advisory findings pass. The kit's exception is the one error.
    expect(root.getAttribute('tests')).toBe('28');
    expect(root.getAttribute('failures')).toBe('2');
    expect(root.getAttribute('skipped')).toBe('7');
    expect(root.getAttribute('errors')).toBe('1');
    for (const suite of suites) {
      const own = children(suite, 'testcase');
      expect(suite.getAttribute('tests')).toBe(String(own.length));
      expect(suite.getAttribute('failures')).toBe(String(own.filter((c) => child(c, 'failure')).length));
      expect(suite.getAttribute('errors')).toBe(String(own.filter((c) => child(c, 'error')).length));
      expect(suite.getAttribute('skipped')).toBe(String(own.filter((c) => child(c, 'skipped')).length));
    }
    const props = children(child(suites[0]!, 'properties')!, 'property');
    expect(props.find((p) => p.getAttribute('name') === 'seed')?.getAttribute('value')).toBe(String(summary.seed));
  });

  it('gives a failure its message, counterexample, shrunk commands, seed and replay command', () => {
    const failure = child(testcase('RUN.run.battery-thresholds', 'iphone-13 @ pro'), 'failure')!;
    expect(failure.getAttribute('message')).toBe(summary.checks[1]!.cells[1]!.failure!.message);
    const text = failure.textContent!;
    expect(text).toContain('Counterexample:\n[setPowerSaving(true)');
    for (const command of BATTERY_COMMANDS) expect(text).toContain(command);
    expect(text).toContain('Seed: 1702418734');
    expect(text).toContain('Path: 5:2:0:1');
    expect(text).toContain(`Replay: ${BATTERY_REPLAY}`);
  });

  it('carries hostile strings intact, control characters made visible', () => {
    const resume = testcase('BAK.bak.resume', 'redmi-note-8 @ home');
    expect(resume.getAttribute('name')).toContain(`<drop> & "reconnect" ${HOSTILE.emoji}`);
    const failure = child(resume, 'failure')!;
    const message = failure.getAttribute('message')!;
    expect(message).toContain(HOSTILE.script);
    expect(message).toContain(HOSTILE.cdata);
    expect(message).toContain('\nsecond line: bell\\u0007 nul\\u0000 esc\\u001B[31m vt\\u000B ff\\u000C del\u007f');
    expect(failure.textContent).toContain(HOSTILE.markup);
    expect(failure.textContent).toContain('half a pair: \\uD83D.');
    expect(failure.textContent).toContain(
      `Replay: mbsc run --requirements BAK-02 --seed -42 --replay '0:0' # ${HOSTILE.script}`,
    );
  });

  it('gives a one-shot failure its HTTP exchanges in the failure text, secrets as the runner masked them', () => {
    const text = child(testcase('BAK.bak.resume', 'redmi-note-8 @ home'), 'failure')!.textContent!;
    expect(text).toContain(
      'HTTP exchanges of the failing attempt (4 earlier not kept):\n  1. POST /v1/console/pairings → 201',
    );
    expect(text).toContain('> headers: x-mbs-console-key: [masked: 43 chars]; content-type: application/json');
    expect(text).toContain('< body: {"token":"[masked: 20 chars]","mode":"add"}');
    expect(text).toContain('  3. GET /v1/items → no answer (connect ECONNREFUSED 127.0.0.1:50000)');
  });

  it('passes an advisory finding, skips an expected failure, and skips a cell with its reason', () => {
    const advisory = testcase('TOTP.totp.rfc6238', 'iphone-13 @ pro');
    expect(child(advisory, 'failure')).toBeUndefined();
    expect(child(advisory, 'skipped')).toBeUndefined();
    expect(child(advisory, 'system-out')!.textContent).toMatch(/^ADVISORY finding: it does not fail the run\./);
    const verdict = children(child(advisory, 'properties')!, 'property').find(
      (p) => p.getAttribute('name') === 'verdict',
    );
    expect(verdict?.getAttribute('value')).toBe('advisory');

    const expected = testcase('BAK.bak.incremental', 'redmi-note-8 @ pro');
    expect(child(expected, 'failure')).toBeUndefined();
    expect(child(expected, 'skipped')!.getAttribute('message')).toMatch(/^Expected failure, listed in the baseline/);
    expect(child(expected, 'system-out')!.textContent).toContain('Replay: mbsc run --requirements BAK-07');

    const skipped = testcase('FTYPE.ftype.documents', 'iphone-13 @ home');
    expect(child(skipped, 'skipped')!.getAttribute('message')).toBe(
      `Documents are an Android-only source (seed §2.6.2). ${HOSTILE.markup}`,
    );
  });

  it("gives every testsuite the run's verdict and its reason as properties", () => {
    const runProperty = (suite: Element, name: string) =>
      children(child(suite, 'properties')!, 'property')
        .find((p) => p.getAttribute('name') === name)
        ?.getAttribute('value');
    expect(suites.map((s) => runProperty(s, 'verdict'))).toEqual(suites.map(() => 'fail'));
    const reason = '1 requirement could not be judged: PUSH-04: the target could not be reached';
    const errored = children(
      parseXml(junitXml({ ...summary, verdict: 'error', reason })).documentElement!,
      'testsuite',
    );
    expect(errored.map((s) => [runProperty(s, 'verdict'), runProperty(s, 'reason')])).toEqual(
      errored.map(() => ['error', reason]),
    );
  });

  it('skips an untested cell with its reason and counts it skipped, never a pass', () => {
    const withUntested = sampleSummary();
    const reason = 'needs the conformance clock: the target does not offer it';
    Object.assign(withUntested.checks[0]!.cells[0]!, { verdict: 'untested', reason, runs: 0 });
    const root = parseXml(junitXml(withUntested)).documentElement!;
    const untested = children(root, 'testsuite')
      .flatMap((s) => children(s, 'testcase'))
      .find((c) => c.getAttribute('classname') === 'PAIR.pair.qr-pairing')!;
    expect(child(untested, 'skipped')!.getAttribute('message')).toBe(reason);
    const verdict = children(child(untested, 'properties')!, 'property').find(
      (p) => p.getAttribute('name') === 'verdict',
    );
    expect(verdict?.getAttribute('value')).toBe('untested');
    // One pass fewer, one skip more than the sample run: the same tests, none of them failed or errored anew.
    const counts = (e: Element) => ['tests', 'failures', 'errors', 'skipped'].map((a) => Number(e.getAttribute(a)));
    const [tests, failures, errors, skipped] = counts(root);
    expect([tests, failures, errors, skipped]).toEqual(
      counts(doc.documentElement!).map((n, i) => n + (i === 3 ? 1 : 0)),
    );
  });

  it('makes a kit exception an <error>, not a <failure>: its reason, then its stack and replay', () => {
    const errored = testcase('PUSH.push.expiry', 'redmi-note-8 @ pro');
    expect(child(errored, 'failure')).toBeUndefined();
    const error = child(errored, 'error')!;
    expect(error.getAttribute('message')).toBe(KIT_ERROR_REASON);
    expect(error.getAttribute('type')).toBe('ConformanceError');
    expect(error.textContent).toContain('at approve (conformance/suites/push/expiry.ts:42:17)');
    expect(error.textContent).toContain('Replay: mbsc run --checks push.expiry');
  });

  it('gives a run that is an error with no cell to say so a testsuite with that <error>, never tests="0"', () => {
    const reason = 'the target could not be tested: http://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1';
    const empty = parseXml(junitXml({ ...summary, verdict: 'error', reason, checks: [] })).documentElement!;
    expect([empty.getAttribute('tests'), empty.getAttribute('errors')]).toEqual(['1', '1']);
    const [suite] = children(empty, 'testsuite');
    expect(suite!.getAttribute('name')).toBe('mbsc run');
    expect(child(child(suite!, 'testcase')!, 'error')!.getAttribute('message')).toBe(reason);
    // With error cells, they say it: no run-level entry is added.
    expect(suites.map((s) => s.getAttribute('name'))).not.toContain('mbsc run');
  });

  it('names the requirements of an opt-in check left out of the run, though no cell judged them', () => {
    const withLeftOut = sampleSummary();
    withLeftOut.checks.push({
      checkId: 'bak.nemesis',
      title: 'Backups survive the server being killed',
      area: 'BAK',
      requirements: ['BAK-07', 'BAK-09'],
      cells: [
        {
          column: 'pro',
          edition: 'pro',
          verdict: 'skipped',
          startedAt: withLeftOut.startedAt,
          durationMs: 0,
          runs: 0,
          reason: 'opt-in check, left out of this run: ask for it by its id',
        },
      ],
    });
    const leftOut = children(parseXml(junitXml(withLeftOut)).documentElement!, 'testsuite')
      .flatMap((s) => children(s, 'testcase'))
      .find((c) => c.getAttribute('classname') === 'BAK.bak.nemesis')!;
    const requirements = children(child(leftOut, 'properties')!, 'property').find(
      (p) => p.getAttribute('name') === 'requirements',
    );
    expect(requirements?.getAttribute('value')).toBe('BAK-07 BAK-09');
    expect(child(leftOut, 'skipped')!.getAttribute('message')).toMatch(/^opt-in check, left out/);
  });

  it('writes the same document the reporter wrote', () => {
    expect(junitXml(summary).replace(/hostname="[^"]*"/g, '')).toBe(raw.replace(/hostname="[^"]*"/g, ''));
  });
});

describe('XML escaping', () => {
  const wrap = (text: string) => `<r${xmlAttributes({ a: text })}>${xmlText(text)}</r>`;

  it('keeps any string well-formed, and any string of XML characters exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const r = parseXml(wrap(text)).documentElement!;
        const valid = text.replace(new RegExp(NOT_XML_CHAR.source, 'gu'), '');
        const back = parseXml(wrap(valid)).documentElement!;
        expect(back.getAttribute('a')).toBe(valid);
        expect(back.textContent).toBe(valid);
        expect(r.getAttribute('a')).toBe(r.textContent);
      }),
      { numRuns: 500 },
    );
  });
});
