import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { findings, requirementsByCheck, runLevelError } from '../../reports/findings.js';
import { traceabilityMatrix, type MatrixRow } from '../../reports/traceability.js';
import { requirementVerdicts } from '../../conformance/runner/verdicts.js';
import { BASELINE, COLUMNS, COVERAGE, KIT_ERROR_REASON, sampleSummary } from './sample-summary.js';

const summary = sampleSummary();
const matrix = traceabilityMatrix(summary);
const row = (id: string): MatrixRow => matrix.rows.find((r) => r.id === id)!;
const at = (id: string, column: string) => row(id).cells[summary.columns.indexOf(column)]!;

describe('traceabilityMatrix', () => {
  it('has a row per catalogued requirement and a cell per column, in order', () => {
    expect(matrix.columns).toEqual(COLUMNS);
    expect(matrix.rows.map((r) => r.id)).toEqual(REQUIREMENTS.map((r) => r.id));
    for (const r of matrix.rows) expect(r.cells).toHaveLength(COLUMNS.length);
    expect(matrix.areas[0]).toEqual({ id: 'PLAT', title: 'Supported platforms and OS versions' });
  });

  it('shows a failure where it happened and a pass elsewhere', () => {
    expect(at('RUN-03', 'iphone-13 @ pro')).toMatchObject({ verdict: 'fail', checks: ['run.battery-thresholds'] });
    expect(at('RUN-03', 'iphone-13 @ pro').note).toContain('Backup kept running at 29% battery');
    expect(at('RUN-03', 'redmi-note-8 @ pro')).toMatchObject({ verdict: 'pass', note: '1 check passed, 100 runs' });
  });

  it('reads a finding by the requirement’s level, and only for the requirements it is charged to', () => {
    // One check covers TOTP-02 (MUST) and TOTP-14 (ADVISORY) and found an advisory problem.
    expect(at('TOTP-14', 'redmi-note-8 @ pro').verdict).toBe('advisory');
    expect(at('TOTP-02', 'redmi-note-8 @ pro')).toMatchObject({ verdict: 'pass', note: '1 check passed, 100 runs' });
    // A fail cell charged only to ADVISORY ids (as a check of MIG-06..09 that finds MIG-09) leaves its MUST rows passed.
    const mixed = sampleSummary();
    Object.assign(mixed.checks[4]!.cells[0]!, { verdict: 'fail' });
    const matrix = traceabilityMatrix(mixed);
    const cell = (id: string) => matrix.rows.find((r) => r.id === id)!.cells[0]!.verdict;
    expect([cell('TOTP-02'), cell('TOTP-14'), cell('TOTP-15')]).toEqual(['pass', 'advisory', 'advisory']);
  });

  it('shows the worst of the checks that cover a requirement on a column, whatever their order', () => {
    // RUN-03 covered by a check that passed on every column and by the one that failed on iPhone 13 (Pro).
    for (const checks of [
      ['pair.qr-pairing', 'run.battery-thresholds'],
      ['run.battery-thresholds', 'pair.qr-pairing'],
    ]) {
      const shared = sampleSummary();
      const coverage = new Map(Object.entries({ ...COVERAGE, 'RUN-03': checks }));
      shared.requirements = requirementVerdicts(REQUIREMENTS, shared.checks, coverage, {
        expectedFailures: new Set(BASELINE),
      });
      const cells = traceabilityMatrix(shared).rows.find((r) => r.id === 'RUN-03')!.cells;
      expect(cells[shared.columns.indexOf('iphone-13 @ pro')], checks.join(' ')).toMatchObject({
        verdict: 'fail',
        checks: ['run.battery-thresholds'],
      });
      expect(cells[shared.columns.indexOf('redmi-note-8 @ pro')]!.verdict).toBe('pass');
    }
  });

  it('shows an error where the kit failed, with its reason, and it is never hidden by a pass', () => {
    expect(at('PUSH-04', 'redmi-note-8 @ pro')).toEqual({
      verdict: 'error',
      note: KIT_ERROR_REASON,
      checks: ['push.expiry'],
    });
    expect(at('PUSH-04', 'iphone-13 @ pro').verdict).toBe('pass');
    expect(row('PUSH-04')).toMatchObject({ verdict: 'error', reason: KIT_ERROR_REASON });
  });

  it('cuts a long message in its middle, keeping the expected value at its end', () => {
    const long = sampleSummary();
    const message = `the listing is ${'["IMG_0001.JPG"],'.repeat(40)} expected []`;
    Object.assign(long.checks[1]!.cells[1]!.failure!, { message });
    const note = traceabilityMatrix(long).rows.find((r) => r.id === 'RUN-03')!.cells[1]!.note;
    expect(note.length).toBeLessThanOrEqual('run.battery-thresholds: '.length + 160);
    expect(note).toMatch(/^run\.battery-thresholds: the listing is .*characters cut.* expected \[\]$/);
  });

  it('gives skipped cells their reason and untested ones why', () => {
    expect(at('FTYPE-03', 'iphone-13 @ pro')).toMatchObject({ verdict: 'skipped' });
    expect(at('FTYPE-03', 'iphone-13 @ pro').note).toContain('Android-only');
    expect(at('FTYPE-03', 'redmi-note-8 @ pro').verdict).toBe('pass');
    expect(at('PUSH-04', 'iphone-13 @ home').note).toBe('2FA exists on Pro and Lite only; Home has none.');
    expect(at('LOG-01', 'iphone-13 @ home')).toMatchObject({ verdict: 'skipped' });
    expect(at('PLAT-01', 'iphone-13 @ home')).toEqual({
      verdict: 'untested',
      note: 'No suite covers this requirement yet.',
      checks: [],
    });
  });
});

describe('traceabilityMatrix of a run whose device checks took the editions in turn', () => {
  const dropped = (turns: boolean, smoke = false) => {
    const run = sampleSummary();
    const check = run.checks.find((c) => c.checkId === 'run.battery-thresholds')!;
    check.cells = check.cells.filter((cell) => cell.column !== 'redmi-note-8 @ home');
    if (turns) run.editionsInTurn = { cells: 15, of: 16 };
    if (smoke) run.smoke = { cells: 4, of: 15, runs: 10 };
    const rows = traceabilityMatrix(run).rows;
    return rows.find((r) => r.id === 'RUN-03')!.cells[COLUMNS.indexOf('redmi-note-8 @ home')]!;
  };

  it('says where a column’s dropped cell ran instead, and reads it untested there, never passed', () => {
    expect(dropped(true)).toEqual({
      verdict: 'untested',
      note: 'not run on this edition: the editions in turn ran it on redmi-note-8 @ pro (--full-matrix runs every edition)',
      checks: [],
    });
    expect(dropped(false)).toEqual({ verdict: 'untested', note: 'no check ran here', checks: [] });
    // A smoke run drops cells of its own: it says only where the check ran.
    expect(dropped(true, true).note).toBe('not run on this edition: this run ran it on redmi-note-8 @ pro');
  });
});

describe('findings', () => {
  it('lists every failing, advisory and error cell with what covers it, and which ones the baseline expects', () => {
    const list = findings(summary);
    expect(list.map((f) => [f.checkId, f.column, f.verdict, f.expected])).toEqual([
      ['run.battery-thresholds', 'iphone-13 @ pro', 'fail', false],
      ['bak.resume', 'redmi-note-8 @ home', 'fail', false],
      ['bak.incremental', 'redmi-note-8 @ pro', 'fail', true],
      ['totp.rfc6238', 'redmi-note-8 @ pro', 'advisory', false],
      ['totp.rfc6238', 'iphone-13 @ pro', 'advisory', false],
      ['push.expiry', 'redmi-note-8 @ pro', 'error', false],
    ]);
    expect(list[0]!.requirementIds).toEqual(['RUN-03', 'RUN-04', 'RUN-06']);
    expect(requirementsByCheck(summary).get('totp.rfc6238')).toEqual(['TOTP-02', 'TOTP-14', 'TOTP-15']);
  });

  it('never calls a failure expected when it also fails a requirement the baseline does not list', () => {
    // bak.incremental also covers BAK-08 here: its failure, naming no id, fails BAK-07 (listed) and BAK-08 (not).
    const widened = sampleSummary();
    const coverage = new Map(Object.entries({ ...COVERAGE, 'BAK-08': ['bak.incremental'] }));
    widened.requirements = requirementVerdicts(REQUIREMENTS, widened.checks, coverage, {
      expectedFailures: new Set(BASELINE),
    });
    const verdicts = widened.requirements.filter((r) => r.id === 'BAK-07' || r.id === 'BAK-08');
    expect(verdicts.map((r) => [r.id, r.verdict, r.expectedFailure ?? false])).toEqual([
      ['BAK-07', 'fail', true],
      ['BAK-08', 'fail', false],
    ]);
    const f = findings(widened).find((x) => x.checkId === 'bak.incremental')!;
    expect([f.verdict, f.expected]).toEqual(['fail', false]);
  });

  it('still reports a failing cell that carries no failure details', () => {
    const bare = sampleSummary();
    delete bare.checks[1]!.cells[1]!.failure;
    const f = findings(bare).find((x) => x.checkId === 'run.battery-thresholds')!;
    expect(f.failure.message).toContain('recorded no details');
    expect(f.failure.replayCommand).toBe(bare.command);
  });

  it('gives the run its own error when cells ran but none of them carries it', () => {
    // Nothing applicable ran: every cell was skipped, and the run is an error that no cell says.
    const reason = 'nothing applicable ran: no selected check applies to this target';
    const skipped = sampleSummary({ verdict: 'error', reason });
    for (const cell of skipped.checks.flatMap((c) => c.cells)) {
      Object.assign(cell, { verdict: 'skipped', reason: 'not here', failure: undefined });
    }
    expect(runLevelError(skipped)).toBe(reason);
    // With an error cell to say it, the run adds nothing; a run that is no error has none.
    expect(runLevelError(sampleSummary({ verdict: 'error', reason }))).toBeUndefined();
    expect(runLevelError(summary)).toBeUndefined();
  });

  it("gives an error cell that carries only its reason, as an unreachable target's does, that reason", () => {
    const reason = 'the target could not be reached: connect ECONNREFUSED 127.0.0.1:50000';
    const unreachable = sampleSummary();
    Object.assign(unreachable.checks[6]!.cells[0]!, { verdict: 'error', reason, failure: undefined, runs: 0 });
    const f = findings(unreachable).find((x) => x.checkId === 'push.expiry' && x.verdict === 'error')!;
    expect(f.failure).toEqual({ message: reason, replayCommand: unreachable.command });
  });
});
