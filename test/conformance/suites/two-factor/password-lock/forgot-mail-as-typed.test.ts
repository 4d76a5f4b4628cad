/**
 * PWL-03 reads the license address's domain case-insensitively (RFC 5321 §2.4): a server that mails the code to the
 * address as typed, its domain in capitals, reaches the same mailbox and passes; one that refuses that address fails.
 */
import { describe, expect, it } from 'vitest';
import { passwordLockCheck } from '../../../../../conformance/suites/two-factor/password-lock/forgot-password.js';
import { ReferenceTarget } from '../../../../../conformance/targets/reference-target.js';
import type { Target } from '../../../../../conformance/targets/target.js';
import type { MbsClient } from '../../../../../simulators/mbs-client/mbs-client.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';

/** The console of a server whose recovery e-mail goes to the address typed at Forgot password, not the one set. */
function mailingAsTyped(desk: MbsClient): MbsClient {
  let typed: string | undefined;
  const call = async (name: Parameters<MbsClient['call']>[0], input?: { body?: { email?: string } }) => {
    if (name === 'loginForgotPassword') typed = input?.body?.email;
    const answer = await desk.call(name, input as never);
    if (name !== 'listOutbox' || typed === undefined) return answer;
    const page = answer as { messages: { channel: string; to: string }[] };
    return { ...page, messages: page.messages.map((m) => (m.channel === 'email' ? { ...m, to: typed } : m)) };
  };
  return Object.assign(Object.create(desk) as MbsClient, { call: call as MbsClient['call'] });
}

/** The Pro reference server whose sessions' consoles are bent by `bend`. */
function bentConsole(bend: (desk: MbsClient) => MbsClient): Target {
  const inner = new ReferenceTarget(['pro']);
  return {
    describe: () => inner.describe(),
    async open(edition) {
      const session = await inner.open(edition);
      return { ...session, console: session.console && bend(session.console) };
    },
  };
}

describe('PWL-03 and the case of the license address', () => {
  it('passes a server that mails the code to the address as typed, its domain in capitals', async () => {
    const summary = await runTwoFactor([passwordLockCheck], { target: bentConsole(mailingAsTyped), runs: 3 });
    expect(failuresOf(summary)).toEqual([]);
    expect(verdictOf(summary, 'PWL-03')).toBe('pass');
  });

  it('fails a server that refuses the address with its domain in capitals', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['license-email-case-sensitive'] });
    const summary = await runTwoFactor([passwordLockCheck], { target, runs: 3 });
    expect(verdictOf(summary, 'PWL-03')).toBe('fail');
  });
});
