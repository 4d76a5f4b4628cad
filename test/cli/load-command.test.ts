/**
 * `mbsc load` as a user runs it, against the reference server in a process of its own (`mbsc serve`, met only over
 * HTTP), and in front of it a proxy that fails some requests; and its refusals of bad input, each before it sends
 * anything. Needs dist/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadReport } from '../../conformance/load/load-report.js';
import { startServeProcess, type ServedServer } from '../../conformance/selftest/serve-process.js';
import { MBSC_BIN, runCli } from '../helpers/cli-process.js';
import { flakyProxy } from '../conformance/load/flaky-proxy.js';

let served: ServedServer;
const out = mkdtempSync(path.join(tmpdir(), 'mbsc-load-out-'));

beforeAll(async () => {
  served = await startServeProcess({ cli: MBSC_BIN, edition: 'pro', faults: [], conformanceClock: false });
}, 60_000);
afterAll(async () => {
  await served?.stop();
  rmSync(out, { recursive: true, force: true });
});

describe('mbsc load', () => {
  it(
    'drives phones against mbsc serve and writes load.json, load.html and load-junit.xml',
    { timeout: 90_000 },
    async () => {
      const dir = path.join(out, 'clean');
      const args = ['load', '--server', served.url, '--console-key', served.consoleKey, '--devices', '3'];
      const pace = ['--think', '100', '--login-every', '200'];
      const result = await runCli([...args, '--duration', '3', ...pace, '--seed', '3', '--out', dir], 80_000);
      expect(result.stderr).toContain(`Loading ${served.url} with 3 phone(s) for 3 s`);
      expect(result.stdout).toContain('3 phones started, 3 paired, 3 registered for 2FA');
      expect(result.stdout).toMatch(/^login-push\s+\d+\s+0\s/m);
      expect(result.stdout).toContain('Errors by code: none');
      expect(result.code).toBe(0);
      const report = JSON.parse(readFileSync(path.join(dir, 'load.json'), 'utf8')) as LoadReport;
      expect(report.plan).toMatchObject({ devices: 3, durationMs: 3000, seed: 3, loginEveryMs: 200 });
      expect(report.server).toMatchObject({ url: served.url, edition: 'pro', twoFactor: true });
      expect(report.operations['restore']?.count).toBeGreaterThan(0);
      const html = readFileSync(path.join(dir, 'load.html'), 'utf8');
      expect(html).toContain('<svg');
      expect(html).toContain('<polyline');
      expect(html).not.toContain('<script');
      const junit = readFileSync(path.join(dir, 'load-junit.xml'), 'utf8');
      expect(junit).toContain('<testcase classname="mbsc.load" name="pair"');
      expect(junit).not.toContain('<failure');
    },
  );

  it('reports errors by code and exits 1 against a server that fails sometimes', { timeout: 90_000 }, async () => {
    const proxy = await flakyProxy(served.url, 5, 1_000_000);
    try {
      const dir = path.join(out, 'flaky');
      const args = ['load', '--server', proxy.url, '--console-key', served.consoleKey, '--devices', '3'];
      const result = await runCli([...args, '--duration', '3', '--think', '100', '--out', dir, '--quiet'], 80_000);
      expect(result.stdout).toMatch(/Errors by code: internal-error × \d+/);
      expect(result.stdout).toContain('ERRORS');
      expect(result.code).toBe(1);
      const report = JSON.parse(readFileSync(path.join(dir, 'load.json'), 'utf8')) as LoadReport;
      expect(report.errors.requests['internal-error']).toBe(proxy.failed.errors);
      expect(readFileSync(path.join(dir, 'load-junit.xml'), 'utf8')).toContain('<failure');
    } finally {
      await proxy.close();
    }
  });

  it.each([
    [['--devices', '5000'], 'load-limits', '--devices 5000'],
    [['--duration', '601'], 'load-limits', '--duration 601'],
    [['--server', 'http://10.1.2.3:50000'], 'load-host-refused', 'Add --allow-remote'],
    [['--server', 'http://example.com'], 'load-host-refused', 'loopback'],
  ])('refuses %j with a usage error (%s)', async (extra, code, text) => {
    const base = ['load', '--server', 'http://127.0.0.1:1', '--console-key', 'k'.repeat(10)];
    const result = await runCli([...base, ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`(${code})`);
    expect(result.stderr).toContain(text);
  });

  it('refuses bad values and missing options before it sends anything', async () => {
    const missingKey = await runCli(['load', '--server', 'http://127.0.0.1:1']);
    expect(missingKey.code).toBe(2);
    expect(missingKey.stderr).toContain('--console-key KEY is required');
    const noServer = await runCli(['load', '--console-key', 'k'.repeat(10)]);
    expect(noServer.stderr).toContain('--server URL is required');
    for (const [option, value] of [
      ['--devices', '0'],
      ['--duration', 'ten'],
      ['--items', '99'],
    ] as const) {
      const bad = await runCli(['load', '--server', 'http://127.0.0.1:1', '--console-key', 'kkkkkkkk', option, value]);
      expect(bad.code, `${option} ${value}`).toBe(2);
      expect(bad.stderr).toContain(`${option} must be a whole number`);
    }
  });

  it('exits 3 when the server cannot be reached', async () => {
    const result = await runCli([
      'load',
      '--server',
      'http://127.0.0.1:9',
      '--console-key',
      'kkkkkkkk',
      '--duration',
      '1',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('127.0.0.1:9');
  });
});
