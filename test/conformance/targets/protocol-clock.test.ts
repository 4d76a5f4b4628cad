/**
 * The kit's clock over the conformance clock routes, against real servers on 127.0.0.1: it moves the server's clock
 * and puts it back, refuses what the protocol cannot do, and a session gets it only from a server that advertises it
 * and moves it as told; otherwise the session says why it has none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clockProblem } from '../../../conformance/targets/clock-probe.js';
import { CLOCK_LACKS, openConformanceClock } from '../../../conformance/targets/open-conformance-clock.js';
import { ProtocolClock } from '../../../conformance/targets/protocol-clock.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { miscountingClockServer } from '../../helpers/miscounting-clock-server.js';
import { startTestServer } from '../../helpers/test-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function server(conformanceClock: boolean) {
  const t = await startTestServer('pro', { conformanceClock });
  closers.push(() => t.close());
  return t;
}

describe('ProtocolClock', () => {
  it('moves the server clock forward and back through the routes, reading it without asking', async () => {
    const t = await server(true);
    const clock = await ProtocolClock.open(t.console);
    // Loopback: the server reads this machine's wall clock, so the skew is taken as none.
    expect(clock.skewMs).toBe(0);
    await clock.advance(3_600_000);
    const moved = await t.console.call('getConformanceClock');
    expect(moved.offsetMs).toBe(3_600_000);
    // The kit's reading and the server's agree to within the round trip (far below the hour moved).
    expect(Math.abs(clock.now() - moved.now)).toBeLessThan(1_000);
    await clock.advance(-3_600_000);
    expect((await t.console.call('getConformanceClock')).offsetMs).toBe(0);
  });

  it('refuses to move the clock before the wall clock, and asks the server nothing', async () => {
    const t = await server(true);
    const clock = await ProtocolClock.open(t.console);
    await clock.advance(1_000);
    await expect(clock.advance(-2_000)).rejects.toThrow(/cannot be moved by -2000 ms from an offset of 1000 ms/);
    expect((await t.console.call('getConformanceClock')).offsetMs).toBe(1_000);
  });
});

describe('the probe of a frozen clock', () => {
  /** A console whose every move reaches the server late, as on a machine busy with other work. */
  function lateConsole(console: MbsClient): MbsClient {
    const late = Object.create(console) as MbsClient;
    late.call = (async (...args: Parameters<MbsClient['call']>) => {
      if (args[0] === 'setConformanceClock') await new Promise((resolve) => setTimeout(resolve, 1_500));
      return console.call(...args);
    }) as MbsClient['call'];
    return late;
  }

  it('trusts a frozen clock that moves exactly as told, however slowly the moves arrive', async () => {
    const t = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
    closers.push(() => t.close());
    const late = lateConsole(t.console);
    expect(await clockProblem(late, true)).toBeUndefined();
    // Read as a running clock, the same slowness looks like a clock that stood still for 1.5 s.
    expect(await clockProblem(late, false)).toMatch(/does not move as told/);
    expect((await t.console.call('getConformanceClock')).offsetMs).toBe(0);
  });
});

describe('a session opening the conformance clock', () => {
  it('gets the clock from a server that advertises it, and leaves the clock where it was', async () => {
    const t = await server(true);
    const opening = await openConformanceClock(t.server.url, t.console);
    expect(opening).toHaveProperty('clock');
    expect((await t.console.call('getConformanceClock')).offsetMs).toBe(0);
  });

  it('says why it has no clock: not offered, no console key, or declined', async () => {
    const off = await server(false);
    expect(await openConformanceClock(off.server.url, off.console)).toEqual({ clockLack: CLOCK_LACKS.notOffered });
    const on = await server(true);
    expect(await openConformanceClock(on.server.url, undefined)).toEqual({ clockLack: CLOCK_LACKS.console });
    expect(await openConformanceClock(on.server.url, on.console, false)).toEqual({ clockLack: CLOCK_LACKS.declined });
  });

  it.each([
    ['stands still', () => 0, /asked \+60000 ms, it moved [+-]\d{1,3} ms$/],
    ['runs backwards', (asked: number) => 120_000 - asked, /asked \+60000 ms, it moved -(59|60)\d{3} ms$/],
    ['counts seconds as milliseconds', (asked: number) => asked / 1000, /asked \+60000 ms, it moved \+\d{2,3} ms$/],
  ])('reports a clock that %s as exactly that, and leaves it where it was', async (_what, applied, message) => {
    const bad = await miscountingClockServer(applied);
    closers.push(() => bad.close());
    const console = new MbsClient({ baseUrl: bad.url, consoleKey: bad.inner.server.consoleKey });
    const problem = await clockProblem(console);
    expect(problem).toMatch(/^the server's conformance clock does not move as told: /);
    expect(problem).toMatch(message);
    expect((await bad.inner.console.call('getConformanceClock')).offsetMs).toBe(applied(0));
    const opening = await openConformanceClock(bad.url, console);
    expect(opening).not.toHaveProperty('clock');
    expect(opening).toHaveProperty('clockLack', expect.stringMatching(/does not move as told: asked \+60000 ms/));
  });
});
