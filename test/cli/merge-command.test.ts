/**
 * `mbsc run --shard` and `mbsc merge` as CI runs them: two real shard runs merge into the verdicts of the unsharded
 * run on the same seed; shards of different runs are refused; a missing shard never passes the gate.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-merge-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
// EDN-01 is covered by a server check and a 2FA check that land in different shards of two.
const CHECKS =
  'editions-pro-features,editions-pro-offers-2fa,platforms-os-versions-android,sources-at-least-one,settings-help-version';
const RUN = [
  'run',
  '--checks',
  CHECKS,
  '--profiles',
  'redmi-note-8',
  '--editions',
  'pro',
  '--runs',
  '5',
  '--seed',
  '11',
];

interface Row {
  id: string;
  verdict: string;
  reason?: string;
  checks: string[];
}
const summaryOf = (name: string) => JSON.parse(readFileSync(path.join(at(name), 'summary.json'), 'utf8'));
const verdicts = (name: string) =>
  Object.fromEntries(summaryOf(name).requirements.map((r: Row) => [r.id, r.verdict]) as [string, string][]);

/** A copy of a shard's folder with its summary.json changed. */
function variant(from: string, to: string, change: (summary: Record<string, unknown>) => void): string {
  cpSync(at(from), at(to), { recursive: true });
  const summary = summaryOf(to);
  change(summary);
  writeFileSync(path.join(at(to), 'summary.json'), JSON.stringify(summary));
  return at(to);
}

beforeAll(async () => {
  const runs = await Promise.all([
    runCli([...RUN, '--out', at('whole')], 120_000),
    runCli([...RUN, '--shard', '1/2', '--out', at('s1')], 120_000),
    runCli([...RUN, '--shard', '2/2', '--out', at('s2')], 120_000),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
}, 180_000);

describe('mbsc merge of real shard runs', () => {
  it('each shard records which part it was and the whole selection', () => {
    const [one, two] = [summaryOf('s1'), summaryOf('s2')];
    // A run narrowed to some checks judges the requirements they cover; each shard records them for the merge.
    expect(one.shard).toEqual({ index: 1, count: 2, selection: expect.any(Array), requirements: expect.any(Array) });
    expect(one.shard.requirements).toContain('EDN-01');
    expect(two.shard.index).toBe(2);
    expect([...one.shard.selection].sort()).toEqual(CHECKS.split(',').sort());
    expect(one.checks.length + two.checks.length).toBe(5);
    expect(summaryOf('whole').shard).toBeUndefined();
    // Alone, neither shard has the whole evidence for EDN-01.
    expect(one.requirements.find((r: Row) => r.id === 'EDN-01').checks).toHaveLength(1);
  });

  it('gives the requirement and device verdicts of the unsharded run, and writes every report', async () => {
    const result = await runCli(['merge', at('s1'), at('s2'), '--out', at('merged')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^PASS: /m);
    expect(verdicts('merged')).toEqual(verdicts('whole'));
    const [merged, whole] = [summaryOf('merged'), summaryOf('whole')];
    expect(merged.totals).toEqual(whole.totals);
    expect(merged.devices).toEqual(whole.devices);
    expect(merged.columns).toEqual(whole.columns);
    expect(merged.checks.map((c: { checkId: string }) => c.checkId)).toEqual(
      whole.checks.map((c: { checkId: string }) => c.checkId),
    );
    expect(merged.requirements.find((r: Row) => r.id === 'EDN-01').checks).toHaveLength(2);
    expect(merged).toMatchObject({ seed: 11, kitVersion: whole.kitVersion, target: whole.target });
    expect(merged.shard).toBeUndefined();
    for (const file of ['summary.json', 'index.html', 'junit.xml', 'allure-results'])
      expect(existsSync(path.join(at('merged'), file)), file).toBe(true);
  });

  it('adds up the shards’ cells when their device checks took the editions in turn, and says so', async () => {
    const one = variant('s1', 'turns-1', (s) => Object.assign(s, { editionsInTurn: { cells: 30, of: 80 } }));
    const two = variant('s2', 'turns-2', (s) => Object.assign(s, { editionsInTurn: { cells: 12, of: 30 } }));
    const result = await runCli(['merge', one, two, '--out', at('merged-turns')]);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf('merged-turns').editionsInTurn).toEqual({ cells: 42, of: 110 });
    expect(result.stdout).toMatch(/^ {2}EDITIONS IN TURN: 42 of 110 cells, /m);
    expect(summaryOf('merged').editionsInTurn).toBeUndefined();
  });

  it('judges joined cells again: a failure recorded in one shard fails the merged run', async () => {
    const failing = variant('s1', 'failing', (s) => {
      const check = (s.checks as { checkId: string; cells: Record<string, unknown>[] }[])[0];
      const cell = check?.cells[0] as Record<string, unknown>;
      Object.assign(cell, { verdict: 'fail', failure: { message: 'planted', replayCommand: 'mbsc run' } });
    });
    const result = await runCli(['merge', failing, at('s2'), '--out', at('merged-fail')]);
    expect(result.code).toBe(1);
    expect(summaryOf('merged-fail').verdict).toBe('fail');
    expect(summaryOf('merged-fail').totals.failed).toBeGreaterThan(0);
  });

  it('judges joined cells again: a kit error recorded in one shard makes the merged run an error', async () => {
    const reason = "the kit failed: TypeError: Cannot read properties of undefined (reading 'x')";
    const erring = variant('s1', 'erring', (s) => {
      const check = (s.checks as { checkId: string; cells: Record<string, unknown>[] }[])[0];
      Object.assign(check?.cells[0] as Record<string, unknown>, { verdict: 'error', reason });
    });
    const result = await runCli(['merge', erring, at('s2'), '--out', at('merged-error')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ERROR: .* [1-9]\d* errored/m);
    const merged = summaryOf('merged-error');
    expect(merged).toMatchObject({ schemaVersion: 2, verdict: 'error', reason: expect.stringContaining(reason) });
  });
});

describe('mbsc merge refuses shards of different runs (exit 9, nothing written)', () => {
  it.each([
    ['different seeds', (s: Record<string, unknown>) => (s.seed = 12), /different seeds \(11 and 12\)/],
    ['kit versions', (s: Record<string, unknown>) => (s.kitVersion = '0.0.1'), /different kit versions/],
    ['targets', (s: Record<string, unknown>) => ((s.target as { description: string }).description = 'x'), /targets/],
    ['not a shard', (s: Record<string, unknown>) => delete s.shard, /is not a shard run/],
    ['a duplicate', (s: Record<string, unknown>) => ((s.shard as { index: number }).index = 1), /both shard 1\/2/],
    ['selections', (s: Record<string, unknown>) => (s.shard as { selection: string[] }).selection.pop(), /selections/],
    [
      'ways of taking the matrix',
      (s: Record<string, unknown>) => (s.editionsInTurn = { cells: 2, of: 3 }),
      /different ways of taking the device matrix \(every cell and editions in turn\)/,
    ],
    [
      'other checks',
      (s: Record<string, unknown>) => (s.checks as unknown[]).pop(),
      /holds other checks than shard 2\/2/,
    ],
  ])('%s', async (name, change, message) => {
    const other = variant('s2', `refused-${name.replace(/ /g, '-')}`, change);
    const out = at(`out-${name.replace(/ /g, '-')}`);
    const result = await runCli(['merge', at('s1'), other, '--out', out]);
    expect(result.code).toBe(9);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('an invalid summary.json, named', async () => {
    const broken = variant('s2', 'broken', (s) => delete s.seed);
    const result = await runCli(['merge', at('s1'), broken, '--out', at('out-broken')]);
    expect(result.code).toBe(9);
    expect(result.stderr).toContain(path.join(broken, 'summary.json'));
  });
});

describe('a missing shard is reported, never passed', () => {
  it('exit 10, reports written, its checks’ requirements untested naming the shard', async () => {
    const result = await runCli(['merge', at('s1'), '--out', at('partial')]);
    expect(result.code).toBe(10);
    expect(result.stderr).toContain('shard 2/2 was not merged');
    const missing = summaryOf('s2').checks.map((c: { checkId: string }) => c.checkId);
    const rows = summaryOf('partial').requirements.filter((r: Row) => r.checks.some((c) => missing.includes(c)));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ verdict: 'untested', reason: expect.stringMatching(/2\/2/) });
  });

  it('--allow-partial exits by the verdict of the shards given', async () => {
    const result = await runCli(['merge', at('s1'), '--allow-partial', '--out', at('partial-allowed')]);
    expect(result.code).toBe(0);
    expect(summaryOf('partial-allowed').totals.untested).toBeGreaterThan(summaryOf('merged').totals.untested);
  });

  it('--allow-partial with --fail-on-untested: the untested requirements make the merged run an error', async () => {
    const args = ['merge', at('s1'), '--allow-partial', '--fail-on-untested', '--out', at('partial-gated')];
    const result = await runCli(args);
    expect(result.code).toBe(1);
    const summary = summaryOf('partial-gated');
    expect(summary.verdict).toBe('error');
    expect(summary.reason).toMatch(/could not be checked here, and --fail-on-untested asks that every one is: .*2\/2/);
    expect(summary.command).toContain('--fail-on-untested');
  });

  it('shards that tested nothing (target unreachable) count as missing', async () => {
    const target = ['validate', '--server', 'http://127.0.0.1:9', '--udp-port', '9', '--edition', 'pro'];
    const args = [...target, '--checks', CHECKS, '--profiles', 'redmi-note-8', '--seed', '3'];
    for (const i of [1, 2]) {
      const run = await runCli([...args, '--shard', `${i}/2`, '--out', at(`down-${i}`)]);
      expect(run.code).toBe(3);
    }
    const result = await runCli(['merge', at('down-1'), at('down-2'), '--out', at('down-merged')]);
    expect(result.code).toBe(10);
    expect(result.stderr).toMatch(/shard 1\/2 \(.*\) tested nothing: the target could not be tested/);
    expect(summaryOf('down-merged').verdict).toBe('error');
  });
});

describe('bad shard options', () => {
  it.each([
    ['0/3', 'out of range'],
    ['4/3', 'out of range'],
    ['1/0', 'at least 1 shard'],
    ['x', 'must be INDEX/COUNT'],
  ])('--shard %s: usage error (exit 2) naming the problem, nothing run', async (value, message) => {
    const result = await runCli(['run', '--shard', value, '--out', at(`bad-${value.replace('/', '-')}`)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mbsc run: --shard');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(`"${value}"`);
    expect(existsSync(at(`bad-${value.replace('/', '-')}`))).toBe(false);
  });

  it('--fail-on-untested on a shard: usage error (exit 2) pointing to mbsc merge, nothing run', async () => {
    const result = await runCli(['run', '--shard', '1/2', '--fail-on-untested', '--out', at('gated-shard')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fail-on-untested judges the whole run: give it to mbsc merge');
    expect(existsSync(at('gated-shard'))).toBe(false);
  });

  it('a config file with shard out of range: exit 5 naming the field', async () => {
    const config = at('shard-config.json');
    writeFileSync(config, JSON.stringify({ shard: '4/3' }));
    const result = await runCli(['run', '--config', config, '--out', at('bad-config')]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/shard: "4\/3" is out of range/);
  });

  it('merge with no folders: exit 2', async () => {
    const result = await runCli(['merge', '--out', at('none')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mbsc merge DIR...');
  });
});
