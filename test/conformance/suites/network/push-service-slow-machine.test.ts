/**
 * NET-09's login with the push service up, on a machine too busy for the kit's push service to take a server's
 * question in time. A login that calls the service unreachable is a violation when the service took the question
 * in at once, or was never asked; when the question came late, the login starts again, and a machine late every
 * time keeps the check from judging (an error, never a verdict). The server here is a stand-in that answers as a
 * server would whose deadline ran out; the question it asks is real HTTP to the kit's real push service.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { classifyThrown } from '../../../../conformance/runner/thrown-errors.js';
import {
  PROMPT_MS,
  pushService,
  serviceUpLogin,
  type PushService,
} from '../../../../conformance/suites/network/push-service-blocked.js';
import type { Login } from '../../../../conformance/spec/protocol/two-factor-login.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';

let service: PushService | undefined;
afterEach(async () => {
  service?.server.closeAllConnections();
  await new Promise((resolve) => service?.server.close(resolve));
  service = undefined;
});

/** How each login start goes: whether the server asks the service, and how late the kit's machine takes it in. */
type Start = { readonly asks: boolean; readonly lateMs: number; readonly offersPush: boolean };

/** A console whose login starts go as `starts` say, on a clock the test moves; it counts the starts. */
function standIn(starts: readonly Start[], clock: { now: number }) {
  let made = 0;
  const console = {
    async call(name: string) {
      if (name !== 'startLogin') throw new Error(`unexpected ${name}`);
      const start = starts[Math.min(made, starts.length - 1)] as Start;
      made += 1;
      clock.now += start.lateMs;
      if (start.asks) await fetch(service!.url, { method: 'HEAD' });
      const login = start.offersPush
        ? { loginId: `l${made}`, state: 'choose-method' }
        : { loginId: `l${made}`, state: 'otp', pushService: 'unreachable', methods: { push: [] } };
      return login as unknown as Login;
    },
  };
  return { own: { console: console as unknown as MbsClient }, made: () => made };
}

async function startsWith(starts: readonly Start[]) {
  const clock = { now: 1_000_000 };
  service = await pushService(() => clock.now);
  const server = standIn(starts, clock);
  const outcome: { login?: Login; error?: unknown } = await serviceUpLogin(server.own, service, () => clock.now).then(
    (login) => ({ login }),
    (error: unknown) => ({ error }),
  );
  return { ...outcome, starts: server.made() };
}

const late = { asks: true, lateMs: PROMPT_MS + 500, offersPush: false };
const fine = { asks: true, lateMs: 0, offersPush: true };

describe('a login with the push service up, on a busy machine', () => {
  it('starts again when the service took the question in late, and takes the login that offers push', async () => {
    const { login, starts } = await startsWith([late, fine]);
    expect(login?.state).toBe('choose-method');
    expect(starts).toBe(2);
  });

  it('is a violation when the service took the question in at once', async () => {
    const { error, starts } = await startsWith([{ asks: true, lateMs: 0, offersPush: false }]);
    expect(classifyThrown(error).kind).toBe('verdict');
    expect(String(error)).toContain('answering at once');
    expect(starts).toBe(1);
  });

  it('is a violation when the service was never asked', async () => {
    const { error } = await startsWith([{ asks: false, lateMs: 0, offersPush: false }]);
    expect(classifyThrown(error).kind).toBe('verdict');
    expect(String(error)).toContain('never asked it');
  });

  it('keeps the check from judging, as an error, when the machine is late at every start', async () => {
    const { error, starts } = await startsWith([late]);
    const classified = classifyThrown(error);
    expect(classified).toMatchObject({ kind: 'error', unreachable: false });
    expect(classified.kind === 'error' && classified.reason).toContain("the kit's machine kept the check from judging");
    expect(error).toMatchObject({ code: 'machine-too-slow' });
    expect(starts).toBe(3);
  });
});
