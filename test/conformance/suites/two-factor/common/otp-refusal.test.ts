/**
 * Settling the one-time password count against a frozen server (the reference target's) with and without the kit's
 * clock of it: with it, the code of the server's step is accepted; without it, the kit reads this machine's time,
 * years from where the server stands, and the server rightly refuses the code. The refusal is still the setup's
 * error, and its message says what the kit saw: the code, the authenticator, the step, both clocks and the source.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { registerByQr, settleOtp } from '../../../../../conformance/suites/two-factor/common/actors.js';
import { stepOf } from '../../../../../conformance/suites/two-factor/common/totp-steps.js';
import { refusedOtpError, wrongAtItsOwnStep } from '../../../../../conformance/suites/two-factor/common/otp-refusal.js';
import { ServerTime } from '../../../../../conformance/suites/two-factor/common/support.js';
import { FROZEN_CLOCK_START_MS } from '../../../../../conformance/spec/protocol/conformance-clock.js';
import { ProtocolClock } from '../../../../../conformance/targets/protocol-clock.js';
import { startTestServer, type TestServer } from '../../../../helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function frozenServer(): Promise<TestServer> {
  server = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
  return server;
}

describe('settling one-time passwords on a frozen server', () => {
  it("is accepted with the code of the server's step when the kit has the server's clock", async () => {
    const t = await frozenServer();
    const time = new ServerTime(await ProtocolClock.open(t.console, true));
    const auth = await registerByQr(t.console, t.server.url, 'Throttle reset');
    expect(await settleOtp(t.console, time, auth, -1)).toBe(stepOf(FROZEN_CLOCK_START_MS));
  });

  it("without the kit's clock is refused, and the error names the code, both clocks and where the kit read its own", async () => {
    const t = await frozenServer();
    const lack = 'needs the conformance clock; the server did not answer GET /v1/info (in this test)';
    const time = new ServerTime(undefined, lack);
    const auth = await registerByQr(t.console, t.server.url, 'Throttle reset');
    const error = await settleOtp(t.console, time, auth, -1).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toMatch(/^a current one-time password was refused: otp-invalid\. The kit sent \d{6}, /);
    expect(error?.message).toContain(`the code of authenticator ${auth.id} ("${auth.name}") for time step `);
    expect(error?.message).toContain(`from this machine's clock: the kit has no clock of the server (${lack})`);
    const serverStep = stepOf(FROZEN_CLOCK_START_MS);
    expect(error?.message).toContain(`The server's clock read 2026-01-01T00:00:00.000Z (step ${serverStep}) when`);
    expect(error?.message).toMatch(/when the login began: \d+ steps before the code's$/);
    // The time named is the reading the code was made from: it falls in the code's step.
    const [, step, read] = /for time step (\d+) .* having read the server's time as (\S+) from/.exec(error!.message)!;
    expect(stepOf(Date.parse(read!))).toBe(Number(step));
    // The server refused a code of another step than its own: the clocks disagree, the code itself may be right.
    expect(wrongAtItsOwnStep(error)).toBe(false);
  });
});

describe('a refused current one-time password', () => {
  const step = stepOf(FROZEN_CLOCK_START_MS);
  const refused = {
    refusal: 'otp-invalid',
    code: '123456',
    authenticator: { id: 'a1', name: 'Throttle reset' },
    step,
    stepMs: 30_000,
    kitMs: FROZEN_CLOCK_START_MS,
    kitSource: "the server's frozen conformance clock",
    serverMs: FROZEN_CLOCK_START_MS + 29_999,
  } as const;

  it('is a plain Error (a verdict on the target) carrying what the kit saw', () => {
    const error = refusedOtpError(refused);
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
    expect(error.refused).toBe(refused);
    expect(error.message).toMatch(/when the login began: the code's own step$/);
  });

  it("is the code's own refusal only when refused as wrong at the step the server's clock read", () => {
    expect(wrongAtItsOwnStep(refusedOtpError(refused))).toBe(true);
    expect(wrongAtItsOwnStep(refusedOtpError({ ...refused, serverMs: FROZEN_CLOCK_START_MS + 30_000 }))).toBe(false);
    expect(wrongAtItsOwnStep(refusedOtpError({ ...refused, refusal: 'otp-replayed' }))).toBe(false);
    expect(wrongAtItsOwnStep(new Error(refusedOtpError(refused).message))).toBe(false);
  });
});
