/**
 * The vendor path's parts: a variant's own `mbsc serve` process (started, known by what it prints and answers,
 * stopped, refused when it cannot start), and how a row of both columns reads. Needs dist/ (npm run build).
 */
import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import { servedTarget, startServeProcess } from '../../../conformance/selftest/serve-process.js';
import { REFERENCE_CONSOLE_LOCATORS } from '../../../conformance/targets/web-console.js';
import { fallsShort, type Cell, type VendorPathRow } from '../../../conformance/selftest/vendor-path.js';
import { verdictOf } from '../../../cli/commands/selftest-vendor-path.js';
import { MBSC_BIN } from '../../helpers/cli-process.js';
import { EDITIONS } from '../../../conformance/spec/editions.js';
import { hold, inRange, portsOf } from '../../../conformance/suites/network/port-probe.js';

describe('a variant served as its own process', () => {
  it('answers over HTTP where it says it listens, under its console key, and is gone once stopped', async () => {
    const server = await startServeProcess({
      cli: MBSC_BIN,
      edition: 'lite',
      faults: ['two-factor-on-home'],
      conformanceClock: false,
    });
    const info = (await (await fetch(`${server.url}/v1/info`)).json()) as { edition: string };
    expect(info.edition).toBe('lite');
    const devices = await fetch(`${server.url}/v1/console/devices`, {
      headers: { 'x-mbs-console-key': server.consoleKey },
    });
    expect(devices.status).toBe(200);
    expect(server.udpPort).toBeGreaterThan(0);
    await server.stop();
    await expect(fetch(`${server.url}/v1/info`)).rejects.toThrow();
  });

  it('is validated with its web console at <url>/, which it serves, and an own-server command with a push service', async () => {
    const server = await startServeProcess({ cli: MBSC_BIN, edition: 'pro', faults: [], conformanceClock: false });
    try {
      const session = await servedTarget(server, 'pro').open('pro');
      expect(session.webConsole).toEqual({ url: `${server.url}/`, locators: REFERENCE_CONSOLE_LOCATORS });
      // Another like it, from a command a vendor could give: the push-service check (NET-09) gets its start.
      expect(server.ownServer.template.uses.has('pushWebhook')).toBe(true);
      expect(session.startOwnServerWithPushService).toBeTypeOf('function');
      expect(session.pushServiceLack).toBeUndefined();
      // The port checks start servers like it with ports taken, as they do with a vendor's --own-server.
      expect(session.startOwnServer).toBeTypeOf('function');
      // The drive check (STO-10) puts the variant's destination where it chooses, through the same command's {data}.
      expect(session.startOwnServerOn).toBeTypeOf('function');
      // The nemesis gets a server it may crash, and the crash points it arms are on in it.
      const restartable = await session.startRestartableServer!();
      try {
        expect(restartable.crashPointLack).toBeUndefined();
        expect(restartable.crashPoints).toBeDefined();
      } finally {
        await restartable.close();
      }
      const page = await fetch(session.webConsole!.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      await session.close();
    } finally {
      await server.stop();
    }
  });

  it('waits for its range while a port check of a variant beside it holds every port, then starts in it', async () => {
    // The check beside it holds the Home TCP range for a moment, as the full-range check does for one start.
    const all = await hold('tcp', portsOf(EDITIONS.home.tcp));
    const freed = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => all.release());
    const server = await startServeProcess({ cli: MBSC_BIN, edition: 'home', faults: [], conformanceClock: false });
    try {
      await freed;
      expect(inRange(Number(new URL(server.url).port), EDITIONS.home.tcp)).toBe(true);
    } finally {
      await server.stop();
      await all.release();
    }
  });

  it('is refused with server-start-failed, and the reason, when the process exits before it is ready', async () => {
    const started = startServeProcess({
      cli: MBSC_BIN,
      edition: 'home',
      // An app variant: serve refuses it as a usage error and exits at once.
      faults: ['frees-documents' as never],
      conformanceClock: false,
    });
    await expect(started).rejects.toBeInstanceOf(ClientError);
    await expect(started).rejects.toMatchObject({ code: 'server-start-failed', details: { exitCode: 2 } });
    await expect(started).rejects.toThrow(/exited with code 2 before it was ready:[\s\S]*fault of the app model/);
  });
});

describe('a row of both columns', () => {
  const measured = (caught: boolean): Cell => ({
    kind: 'measured',
    result: { fault: 'late-push-approved', caught, failed: [], missed: caught ? [] : ['PUSH-04'], durationMs: 1 },
  });
  const row = (needsClock: boolean, without: Cell, withClock: Cell): VendorPathRow => ({
    fault: 'late-push-approved',
    needsClock,
    without,
    with: withClock,
  });
  const noClock: Cell = { kind: 'n/a', reason: 'n/a: this server build has no conformance clock' };

  it('expects a clock variant only in the column with the clock', () => {
    const onlyWith = row(true, measured(false), measured(true));
    expect(verdictOf(onlyWith)).toBe('caught only with the clock');
    expect(fallsShort(onlyWith, 'without')).toBe(false);
    expect(fallsShort(onlyWith, 'with')).toBe(false);
    expect(fallsShort(row(true, measured(false), measured(false)), 'with')).toBe(true);
  });

  it('expects every other variant in both, and never counts an unmeasured column as a miss', () => {
    const missed = row(false, measured(false), noClock);
    expect(fallsShort(missed, 'without')).toBe(true);
    expect(fallsShort(missed, 'with')).toBe(false);
    expect(verdictOf(missed)).toBe('missed');
    expect(verdictOf(row(false, measured(true), noClock))).toBe('caught');
    expect(verdictOf(row(true, measured(false), noClock))).toBe('missed without the clock (needs it)');
    const broken = row(false, { kind: 'error', reason: 'not done within 600 s' }, noClock);
    expect(fallsShort(broken, 'without')).toBe(true);
    expect(verdictOf(broken)).toBe('error');
  });
});
