/**
 * The ends of a range judged while other programs hold ports of it and let them go (range-ends.ts): a server that
 * leaves its range fails, a straight server is never failed for a port another program let go of during its start,
 * and a start the kit cannot judge (the ports past the range taken, a start that ended for another reason) is said
 * to be so, never passed. Real reference servers of the Home edition and real ports on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SetupError } from '../../../../conformance/kit/setup.js';
import { Violation } from '../../../../conformance/kit/violation.js';
import { ClientError } from '../../../../conformance/spec/errors.js';
import { EDITIONS } from '../../../../conformance/spec/editions.js';
import type { ServerFault } from '../../../../conformance/spec/faults.js';
import { hold, portsOf, type Held } from '../../../../conformance/suites/network/port-probe.js';
import { startOwn } from '../../../../conformance/suites/network/ports-by-edition.js';
import { fullRange, lastOfRange } from '../../../../conformance/suites/network/range-ends.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import type { TargetSession } from '../../../../conformance/targets/target.js';

const HOME = EDITIONS.home;
const opened: TargetSession[] = [];
const heldByOthers: Held[] = [];

afterEach(async () => {
  await Promise.all(heldByOthers.splice(0).map((h) => h.release()));
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function homeSession(faults: ServerFault[] = []): Promise<TargetSession> {
  const session = await new ReferenceTarget(['home'], { faults }).open('home');
  opened.push(session);
  return session;
}

/** Another program's ports, held from now until the test ends (or until it lets them go itself). */
async function othersHold(ports: number[]): Promise<Held> {
  const held = await hold('tcp', ports);
  heldByOthers.push(held);
  return held;
}

/**
 * Judged again while other processes (a test file beside this one) move ports of the range, as the check's own
 * second attempt does: for the cases that must judge, not say `ports-moving`.
 */
async function stillRanges(judge: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await judge();
    } catch (error) {
      if (!(error instanceof ClientError && error.code === 'ports-moving') || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const verdictOf = (error: unknown) =>
  error instanceof Violation ? error.requirements : error instanceof ClientError ? error.code : error;

/** A Home session whose own server starts just as another program lets go of a port inside the range. */
async function startAsAnotherLetsGo() {
  const session = await homeSession();
  const other = await othersHold([HOME.tcp.first + 50]);
  const start = async () => {
    await other.release();
    return startOwn(session);
  };
  return { session, start };
}

describe('the full range', () => {
  it('fails a server that leaves its range, naming NET-05', async () => {
    const session = await homeSession(['port-range-overrun']);
    const error = await fullRange(session, () => startOwn(session)).catch((e: unknown) => e);
    expect(verdictOf(error)).toEqual(['NET-05']);
    expect((error as Error).message).toMatch(
      /^with every port of TCP 52000-52099 taken, the server started on TCP 521/,
    );
  });

  it('says it cannot judge, never passing, when another program holds the ports just past the range', async () => {
    // The variant goes on to 52100-52119: all of them taken, it refuses to start as a straight server does.
    await othersHold(portsOf({ first: HOME.tcp.last + 1, last: HOME.tcp.last + 20 }));
    const session = await homeSession(['port-range-overrun']);
    const error = await fullRange(session, () => startOwn(session)).catch((e: unknown) => e);
    expect(verdictOf(error)).toBe('ports-moving');
    expect((error as Error).message).toMatch(/held TCP 52100, just past TCP 52000-52099, for 5000 ms/);
  });

  it('never fails a straight server that took a port another program let go of as it started', async () => {
    const { session, start } = await startAsAnotherLetsGo();
    const error = await fullRange(session, start).catch((e: unknown) => e);
    expect(verdictOf(error)).toBe('ports-moving');
    expect((error as Error).message).toMatch(/let go of TCP 52050 while the rest of its range was taken/);
  });

  it('lets the error of a start that ended for another reason stand, never passing', async () => {
    const session = await homeSession();
    const crash = new SetupError('starting another server like the target', [], { cause: new Error('crashed') });
    await expect(fullRange(session, () => Promise.reject(crash))).rejects.toBe(crash);
  });

  it('passes a straight server that refuses to start with its range full', async () => {
    const session = await homeSession();
    await expect(stillRanges(() => fullRange(session, () => startOwn(session)))).resolves.toBeUndefined();
  });
});

describe('the last port of the range', () => {
  it('fails a server whose range is cut short, naming NET-04', async () => {
    const session = await new ReferenceTarget(['lite'], { faults: ['port-range-cut-short'] }).open('lite');
    opened.push(session);
    const error = await stillRanges(() => lastOfRange(session, () => startOwn(session))).catch((e: unknown) => e);
    expect(verdictOf(error)).toEqual(['NET-04']);
  });

  it('never fails a straight server that took a port another program let go of as it started', async () => {
    const { session, start } = await startAsAnotherLetsGo();
    const error = await lastOfRange(session, start).catch((e: unknown) => e);
    expect(verdictOf(error)).toBe('ports-moving');
  });

  it('says it could not judge, never passing, when another program holds the last port', async () => {
    const session = await homeSession(['port-range-cut-short']);
    await othersHold([HOME.tcp.last]);
    const error = await lastOfRange(session, () => startOwn(session)).catch((e: unknown) => e);
    expect(verdictOf(error)).toBe('ports-moving');
    expect((error as Error).message).toMatch(/held TCP 52099, the last of TCP 52000-52099, for 5000 ms/);
  });

  it('waits for a last port another program holds a moment, then judges the server', async () => {
    const session = await new ReferenceTarget(['lite'], { faults: ['port-range-cut-short'] }).open('lite');
    opened.push(session);
    const other = await othersHold([EDITIONS.lite.tcp.last]);
    setTimeout(() => void other.release(), 300);
    // One attempt: without the wait it would say `ports-moving` at once.
    const error = await lastOfRange(session, () => startOwn(session)).catch((e: unknown) => e);
    expect(verdictOf(error)).toEqual(['NET-04']);
  });

  it('lets the error of a start that ended for another reason stand, never charging NET-04', async () => {
    const session = await homeSession();
    const slow = new ClientError('timeout', 'the started server did not answer GET /v1/info');
    await expect(lastOfRange(session, () => Promise.reject(slow))).rejects.toBe(slow);
  });

  it('passes a straight server that takes the last port', async () => {
    const session = await homeSession();
    await expect(stillRanges(() => lastOfRange(session, () => startOwn(session)))).resolves.toBeUndefined();
  });
});
