/**
 * A run on a machine without Chromium cannot check the desktop console, whose rules still apply to the target: its
 * requirements read untested, never skipped or passed, the closing summary names them with the package to install,
 * and the run counts them among the applicable requirements it did not check. With `--fail-on-untested` (a gate that
 * must check everything) the same run is an error that names them, in summary.json and its exit code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../conformance/runner/summary-schema.js';
import { runCli } from '../helpers/cli-process.js';

const out = mkdtempSync(path.join(tmpdir(), 'mbsc-no-chromium-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('mbsc run where no Chromium is installed', () => {
  it(
    'reads the console checks untested, with the reason, and says so under the verdict',
    { timeout: 480_000 },
    async () => {
      const missing = path.join(out, 'no-such-chromium');
      const args = [
        'run',
        '--checks',
        'desktop-console-mobile-backup,network-discovery-announces-actual-ports',
        '--editions',
        'pro',
        '--seed',
        '3',
        '--out',
        out,
      ];
      const result = await runCli(args, 200_000, { MBSC_CHROMIUM: missing });
      expect(result.code, result.stdout + result.stderr).toBe(0);

      const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Summary;
      const cell = summary.checks.find((c) => c.checkId === 'desktop-console-mobile-backup')?.cells[0];
      expect([cell?.verdict, cell?.reason]).toEqual(['untested', expect.stringContaining(`no Chromium at ${missing}`)]);
      const desk = summary.requirements.find((r) => r.id === 'DESK-04');
      expect(desk).toMatchObject({ verdict: 'untested', reason: expect.stringContaining('apt-get install') });
      expect(summary.totals.untested).toBeGreaterThan(0);
      expect(summary.totals.checked).toBeLessThan(summary.totals.applicable);

      expect(result.stdout).toMatch(/^PASS: /m);
      expect(result.stdout).toMatch(/UNTESTED .*DESK-01.*: no Chromium at .*no-such-chromium \(apt-get install/);
      expect(result.stdout).toMatch(/checked on this target: \d+ of \d+ applicable requirements/);

      const gate = await runCli([...args, '--fail-on-untested'], 200_000, { MBSC_CHROMIUM: missing });
      expect(gate.code, gate.stdout + gate.stderr).toBe(1);
      const gated = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Summary;
      expect(gated.verdict).toBe('error');
      expect(gated.reason).toMatch(
        /^\d+ applicable requirements could not be checked here, and --fail-on-untested asks that every one is: [A-Z]+-\d+: no Chromium at /,
      );
      expect(gated.command).toContain('--fail-on-untested');
      expect(gated.totals).toEqual(summary.totals);
      expect(gate.stdout).toMatch(/^ERROR: /m);
    },
  );
});
