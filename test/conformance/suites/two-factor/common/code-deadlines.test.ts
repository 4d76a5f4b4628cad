/**
 * A code's last millisecond aimed at over round trips of every length: a server's clock that the kit moves, a code
 * judged when the call reaches it (half its round trip after the kit read the clock). A frozen clock lands at once;
 * a slow server is aimed at earlier by twice its round trip; one too slow for any call leaves the edge unjudged.
 */
import { describe, expect, it } from 'vitest';
import { inLastMillisecond } from '../../../../../conformance/suites/two-factor/common/code-deadlines.js';
import type { ServerTime } from '../../../../../conformance/suites/two-factor/common/server-time.js';
import { attempt } from '../../../../../conformance/suites/two-factor/common/outcomes.js';
import { ClientError, MbsError } from '../../../../../conformance/spec/errors.js';
import { Violation } from '../../../../../conformance/kit/violation.js';

const LIFETIME = 300_000;
const RULE = { requirement: 'REC-05', acceptedLate: 'accepted late', inTime: 'the code at 4:59.999', end: '5:00.000' };

/** A server whose calls take `roundTrip(n)` ms of its clock, the n-th call's code judged halfway through. */
function slowServer(roundTrip: (call: number) => number, judge = (at: number, expiresAt: number) => at < expiresAt) {
  let now = 1_000_000;
  let calls = 0;
  let expiresAt = 0;
  const time = {
    moveTo: async (target: number) => {
      now = target;
    },
    probe: async <T>(call: () => Promise<T>) => {
      const before = now;
      const trip = roundTrip(calls);
      calls += 1;
      now += trip / 2;
      const outcome = await attempt(call());
      now += trip / 2;
      return { before, after: now, outcome };
    },
  } as unknown as ServerTime;
  const send = async () => {
    expiresAt = now + LIFETIME;
    return { expiresAt, digits: '123456' };
  };
  const submit = async () => {
    if (!judge(now, expiresAt)) throw new MbsError('verification-code-expired');
    return 'logged-in';
  };
  return { time, send, submit, calls: () => calls };
}

describe('a code tried in its last millisecond', () => {
  it('lands at once on a frozen clock', async () => {
    const server = slowServer(() => 0);
    await expect(inLastMillisecond(server.time, server.send, server.submit, RULE)).resolves.toBe('logged-in');
    expect(server.calls()).toBe(1);
  });

  it('aims twice the round trip early at a server slower than 128 ms, and lands', async () => {
    const server = slowServer(() => 300);
    await expect(inLastMillisecond(server.time, server.send, server.submit, RULE)).resolves.toBe('logged-in');
    expect(server.calls()).toBe(2);
  });

  it('leaves the edge unjudged, as the kit error deadline-out-of-reach, when no call can land', async () => {
    const server = slowServer((n) => 1000 * 4 ** n);
    const tried = inLastMillisecond(server.time, server.send, server.submit, RULE);
    await expect(tried).rejects.toBeInstanceOf(ClientError);
    await expect(tried).rejects.toMatchObject({ code: 'deadline-out-of-reach' });
  });

  it('finds a code refused as expired before its end, and does not try again', async () => {
    const server = slowServer(
      () => 0,
      () => false,
    );
    const tried = inLastMillisecond(server.time, server.send, server.submit, RULE);
    await expect(tried).rejects.toBeInstanceOf(Violation);
    await expect(tried).rejects.toThrow('the code at 4:59.999 was refused: verification-code-expired');
    expect(server.calls()).toBe(1);
  });
});
