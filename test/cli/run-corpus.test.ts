/**
 * `mbsc run --corpus DIR`: the kept failing seeds of conformance/corpus/ are replayed against the faulty reference
 * servers they name and still fail exactly their expected requirements; an entry whose finding no longer reproduces
 * fails the run and is named, each entry's summary.json and junit.xml kept; an invalid entry is refused before
 * anything runs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-corpus-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CORPUS = path.join(REPO_ROOT, 'conformance/corpus');
const kept = (name: string) => readFileSync(path.join(CORPUS, `${name}.json`), 'utf8');

/** A corpus folder of its own: kept entries copied as they are, and made-up ones. */
function corpusOf(name: string, entries: Record<string, string | object>): string {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  for (const [file, entry] of Object.entries(entries)) {
    writeFileSync(path.join(folder, `${file}.json`), typeof entry === 'string' ? entry : JSON.stringify(entry));
  }
  return folder;
}

/** The reference server fixed: the fault is gone, so a finding that needed it can no longer be made. */
const FIXED = {
  fault: 'none',
  checks: ['tfa-totp-throttling'],
  edition: 'pro',
  seed: 7,
  runs: 20,
  expect: { fail: ['TOTP-12'] },
};

describe('mbsc run --corpus', () => {
  it('replays every kept seed of the repository, and each still fails exactly what it expects', async () => {
    const result = await runCli(['run', '--corpus', 'conformance/corpus'], 300_000);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Corpus conformance/corpus: 6 entries');
    expect(result.stdout).toContain('  ok    stale-totp-accepted: fails TOTP-04, TOTP-13, as expected');
    expect(result.stdout).toContain('  ok    open-job-dropped-on-restart: fails BAK-08, as expected');
    expect(result.stdout).toContain('  ok    reference-totp-window: fails nothing, as expected');
    expect(result.stdout.match(/^ {2}ok {4}/gm)).toHaveLength(6);
    expect(result.stdout).toMatch(/^PASS: all 6 corpus entries still reproduce$/m);
    expect(result.code).toBe(0);
  }, 320_000);

  it('fails naming the entry that no longer reproduces, and passes the one that does', async () => {
    const folder = corpusOf('lost', {
      'replayed-totp-accepted': kept('replayed-totp-accepted'),
      'totp-replay-fixed': FIXED,
    });
    const out = path.join(dir, 'lost-out');
    const result = await runCli(['run', '--corpus', folder, '--out', out], 120_000);
    expect(result.stdout).toContain('  ok    replayed-totp-accepted: fails TOTP-12, as expected');
    // Each entry's run leaves its summary and JUnit report, for a CI job to keep.
    const report = (entry: string, file: string) => readFileSync(path.join(out, 'corpus', entry, file), 'utf8');
    expect(JSON.parse(report('replayed-totp-accepted', 'summary.json'))).toMatchObject({ verdict: 'fail', seed: 7 });
    expect(JSON.parse(report('totp-replay-fixed', 'summary.json'))).toMatchObject({ verdict: 'pass' });
    expect(report('replayed-totp-accepted', 'junit.xml')).toMatch(/<testsuites[^>]*failures="[1-9]/);
    expect(result.stdout).toContain('  LOST  totp-replay-fixed: no longer fails TOTP-12');
    expect(result.stdout).toContain(
      '        Rerun: mbsc run --editions pro --checks tfa-totp-throttling --seed 7 --runs 20',
    );
    expect(result.stdout).toMatch(/^FAIL: 1 of 2 corpus entries no longer reproduce: totp-replay-fixed$/m);
    expect(result.code).toBe(1);
  }, 140_000);

  it('names a finding that changed: a requirement failing that the entry does not expect', async () => {
    const narrowed = { ...JSON.parse(kept('stale-totp-accepted')), expect: { fail: ['TOTP-04'] } };
    const result = await runCli(['run', '--corpus', corpusOf('changed', { narrowed })], 120_000);
    expect(result.stdout).toContain('  LOST  narrowed: now also fails TOTP-13');
    expect(result.code).toBe(1);
  }, 140_000);

  it('refuses an invalid entry before replaying any, naming the file and the field', async () => {
    const misspelt = { ...FIXED, fault: 'replayed-totp-acepted' };
    const unknownId = { ...FIXED, expect: { fail: ['TOTP-99'] } };
    const folder = corpusOf('invalid', { a: kept('replayed-totp-accepted'), b: misspelt });
    const result = await runCli(['run', '--corpus', folder], 60_000);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`mbsc run: ${path.join(folder, 'b.json')}:\n  fault:`);
    expect(result.stderr).toContain('replayed-totp-accepted');
    expect(result.code).toBe(5);
    const second = await runCli(['run', '--corpus', corpusOf('unknown-id', { unknownId })], 60_000);
    expect(second.stderr).toContain('expect.fail[0]: unknown requirement "TOTP-99"');
    expect(second.code).toBe(5);
    const empty = await runCli(['run', '--corpus', corpusOf('empty', {})], 60_000);
    expect(empty.stderr).toContain('no corpus entries (*.json) in it');
    expect(empty.code).toBe(5);
  }, 200_000);

  it('is a usage error beside options that each entry fixes itself', async () => {
    const result = await runCli(['run', '--corpus', CORPUS, '--seed', '3', '--checks', 'tfa-totp-throttling'], 60_000);
    expect(result.stderr).toContain('--corpus replays each entry as written; it takes no checks, seed of its own.');
    expect(result.code).toBe(2);
  }, 80_000);
});
