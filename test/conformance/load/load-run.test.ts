/**
 * The load engine against the reference server started in process: small numbers of phones, a few seconds each.
 * It must take every phone through pairing, backup, restore, 2FA registration and both kinds of login with no
 * error, and, against the same server behind a proxy that fails some requests, count those errors by their code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadPlan } from '../../../conformance/load/load-plan.js';
import { loadClean } from '../../../conformance/load/load-report.js';
import { runLoad, type LoadProgress } from '../../../conformance/load/load-run.js';
import { MbsError } from '../../../conformance/spec/errors.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { flakyProxy } from './flaky-proxy.js';

let pro: TestServer;
let home: TestServer;

beforeAll(async () => {
  pro = await startTestServer('pro');
  home = await startTestServer('home');
});
afterAll(async () => {
  await pro?.close();
  await home?.close();
});

function planFor(server: TestServer, overrides: Partial<LoadPlan> = {}): LoadPlan {
  return {
    server: server.server.url,
    devices: 4,
    durationMs: 4000,
    consoleKey: server.server.consoleKey,
    rampMs: 200,
    thinkMs: 50,
    loginEveryMs: 100,
    items: 2,
    itemBytes: 2048,
    requestTimeoutMs: 30_000,
    seed: 7,
    ...overrides,
  };
}

describe('runLoad', () => {
  it(
    'takes every phone through pairing, backup, restore, registration and logins, with no error',
    { timeout: 60_000 },
    async () => {
      const seen: LoadProgress[] = [];
      const report = await runLoad(planFor(pro), { onProgress: (p) => seen.push(p), progressEveryMs: 200 });
      expect(report.phones).toEqual({ started: 4, paired: 4, registered: 4, unfinished: 0 });
      expect(Object.keys(report.operations)).toEqual(
        expect.arrayContaining(['pair', 'backup', 'restore', 'register2fa', 'login-push', 'login-otp', 'overall']),
      );
      expect(report.operations['pair']?.count).toBe(4);
      for (const route of ['createPairing', 'appendUpload', 'downloadItem', 'answerPush', 'loginOtp']) {
        expect(report.requests[route]?.count, route).toBeGreaterThan(0);
      }
      expect(report.errors).toEqual({ operations: {}, requests: {} });
      expect(loadClean(report)).toBe(true);
      const overall = report.requests['overall'];
      expect(
        overall && overall.p50Ms <= overall.p90Ms && overall.p90Ms <= overall.p99Ms && overall.p99Ms <= overall.maxMs,
      ).toBe(true);
      expect(report.timeline.requests.reduce((n, p) => n + p.count, 0)).toBe(overall?.count);
      expect(report.throughput.requestsPerSecond).toBeGreaterThan(0);
      expect(seen.at(-1)?.paired).toBe(4);
      // The phones really backed up: the server lists them with their items.
      const devices = await pro.console.call('listDevices');
      expect(devices.devices.filter((d) => d.name.startsWith('Load ')).length).toBe(4);
    },
  );

  it('logs the desktop in at its own pace, however many phones there are', { timeout: 60_000 }, async () => {
    const report = await runLoad(planFor(pro, { devices: 12, durationMs: 2500, loginEveryMs: 1000 }));
    const logins = (report.operations['login-push']?.count ?? 0) + (report.operations['login-otp']?.count ?? 0);
    // One login a second for 2.5 s: at most two (after 1 s and 2 s), while twelve phones pausing 50 ms between
    // operations would have asked for dozens had each phone logged in on its own.
    expect(logins).toBeLessThanOrEqual(2);
    expect(report.operations['pair']?.count).toBe(12);
    expect(report.plan.loginEveryMs).toBe(1000);
    expect(loadClean(report)).toBe(true);
  });

  it('runs no login where the server offers no 2FA, and says why', { timeout: 60_000 }, async () => {
    const report = await runLoad(planFor(home, { devices: 2, durationMs: 2000 }));
    expect(report.phones.registered).toBe(0);
    expect(report.operations['login-push']).toBeUndefined();
    expect(report.notes.join(' ')).toContain('offers no 2FA');
    expect(loadClean(report)).toBe(true);
  });

  it('counts the errors of a server that fails sometimes by their code', { timeout: 60_000 }, async () => {
    const proxy = await flakyProxy(pro.server.url, 7, 23);
    try {
      const report = await runLoad(planFor(pro, { server: proxy.url, durationMs: 3000 }));
      expect(loadClean(report)).toBe(false);
      expect(proxy.failed.errors).toBeGreaterThan(0);
      expect(proxy.failed.drops).toBeGreaterThan(0);
      // Every injected failure a phone met shows under its code; nothing else failed.
      expect(report.errors.requests['internal-error']).toBe(proxy.failed.errors);
      expect(report.errors.requests['unreachable']).toBe(proxy.failed.drops);
      expect(Object.keys(report.errors.requests).sort()).toEqual(['internal-error', 'unreachable']);
      const failedOperations = Object.values(report.errors.operations).reduce((a, b) => a + b, 0);
      expect(failedOperations).toBe(report.operations['overall']?.errors);
    } finally {
      await proxy.close();
    }
  });

  it('refuses a wrong console key before any phone starts', async () => {
    const refused = await runLoad(planFor(pro, { consoleKey: 'not-the-key' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MbsError);
    expect((refused as MbsError).code).toBe('console-unauthorized');
  });
});
