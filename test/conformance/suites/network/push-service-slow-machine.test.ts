/**
 * NET-09's login with the push service up, on a machine too busy for the kit's thread, which answers for the push
 * service, to answer a server's question in time. A login that calls the service unreachable is a violation when the
 * kit's thread kept answering while the login started, however late the server itself asked; when the thread
 * stalled, the login starts again, and a thread stalled at every start keeps the check from judging (an error,
 * never a verdict). The server is a stand-in answering as a server whose deadline ran out would.
 */
import { describe, expect, it } from 'vitest';
import { classifyThrown } from '../../../../conformance/runner/thrown-errors.js';
import {
  STALL_MS,
  serviceUpLogin,
  type StallMeter,
} from '../../../../conformance/suites/network/push-service-blocked.js';
import type { Login } from '../../../../conformance/spec/protocol/two-factor-login.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';

/** How a login start goes: the kit's thread's stall while it starts (ms), and whether the login offers push. */
type Start = { readonly stallMs: number; readonly offersPush: boolean };

/** A console whose login starts go as `starts` say (the last repeats), and a meter reading their stalls. */
function standIn(starts: readonly Start[]) {
  let made = 0;
  const current = () => starts[Math.min(made - 1, starts.length - 1)] as Start;
  const console = {
    async call(name: string) {
      if (name !== 'startLogin') throw new Error(`unexpected ${name}`);
      made += 1;
      const login = current().offersPush
        ? { loginId: `l${made}`, state: 'choose-method' }
        : { loginId: `l${made}`, state: 'otp', pushService: 'unreachable', methods: { push: [] } };
      return login as unknown as Login;
    },
  };
  const stalls: StallMeter = () => ({ stop: () => current().stallMs });
  return { own: { console: console as unknown as MbsClient }, stalls, made: () => made };
}

async function startsWith(starts: readonly Start[]) {
  const server = standIn(starts);
  const outcome: { login?: Login; error?: unknown } = await serviceUpLogin(server.own, server.stalls).then(
    (login) => ({ login }),
    (error: unknown) => ({ error }),
  );
  return { ...outcome, starts: server.made() };
}

const stalledRefusal = { stallMs: STALL_MS + 350, offersPush: false };
const fine = { stallMs: 5, offersPush: true };

describe('a login with the push service up, on a busy machine', () => {
  it('starts again when the kit stalled, and takes the login that offers push', async () => {
    const { login, starts } = await startsWith([stalledRefusal, fine]);
    expect(login?.state).toBe('choose-method');
    expect(starts).toBe(2);
  });

  it('is a violation when the kit kept answering, however late the server asked', async () => {
    const { error, starts } = await startsWith([{ stallMs: 20, offersPush: false }]);
    expect(classifyThrown(error).kind).toBe('verdict');
    expect(String(error)).toContain('answering at once');
    expect(starts).toBe(1);
  });

  it('is a violation at the first start the kit did not stall', async () => {
    const { error, starts } = await startsWith([stalledRefusal, { stallMs: 0, offersPush: false }]);
    expect(classifyThrown(error).kind).toBe('verdict');
    expect(starts).toBe(2);
  });

  it('keeps the check from judging, as an error, when the kit stalled at every start', async () => {
    const { error, starts } = await startsWith([stalledRefusal]);
    const classified = classifyThrown(error);
    expect(classified).toMatchObject({ kind: 'error', unreachable: false });
    expect(classified.kind === 'error' && classified.reason).toContain("the kit's machine kept the check from judging");
    expect(error).toMatchObject({ code: 'machine-too-slow' });
    expect(starts).toBe(3);
  });

  it('fails a server that takes its time and calls the service unreachable while the kit stays idle', async () => {
    const console = {
      async call() {
        // The server's own delay: the kit's thread is idle meanwhile, ready to answer at once.
        await new Promise((resolve) => setTimeout(resolve, 4 * STALL_MS));
        return { loginId: 'l1', state: 'otp', pushService: 'unreachable' } as unknown as Login;
      },
    };
    const error = await serviceUpLogin({ console: console as unknown as MbsClient }).catch((e: unknown) => e);
    expect(classifyThrown(error).kind).toBe('verdict');
    expect(String(error)).toContain('answering at once');
  });

  it('measures a real stall of the kit’s thread while a login starts', async () => {
    let made = 0;
    const console = {
      async call() {
        made += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        // The kit's thread busy for twice the bound at the first start, as on a machine with no core to spare.
        if (made === 1) for (const until = performance.now() + 2 * STALL_MS; performance.now() < until;);
        await new Promise((resolve) => setTimeout(resolve, 30));
        return (made === 1
          ? { loginId: 'l1', state: 'otp', pushService: 'unreachable' }
          : { loginId: 'l2', state: 'choose-method' }) as unknown as Login;
      },
    };
    const login = await serviceUpLogin({ console: console as unknown as MbsClient });
    expect(login.state).toBe('choose-method');
    expect(made).toBe(2);
  });
});
