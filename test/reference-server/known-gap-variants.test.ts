/**
 * The server variants the checks missed (`knownGap` in the fault catalogue, while it lasts) still do what their names
 * say, next to the straight server: a gap is then the suites', never a variant that changes nothing; once a check
 * catches one, it stays shown here. Where a rule is a plain
 * function it is shown on the rule; where it lives in a flow, on a server started with the variant.
 */
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_NAMES, FAULTS, isServerFault, type FaultSpec } from '../../conformance/spec/faults.js';
import { serverRules, STRAIGHT_SERVER_RULES as straight } from '../../reference-server/server-rules.js';
import type { ServiceContext } from '../../reference-server/services/context.js';
import type { AuthenticatorRow } from '../../reference-server/two-factor/rows.js';
import { delayAfter } from '../../reference-server/two-factor/throttle.js';
import { startFixture, type Fixture } from './two-factor/fixture.js';

const DAY_MS = 24 * 60 * 60_000;
const shownHere = [
  'totp-previous-step-refused',
  'throttles-from-fifth-failure',
  'throttle-never-doubles',
  'replayed-otp-not-counted',
  'success-keeps-failure-count',
  'registration-lives-11-minutes',
  'pairing-token-lives-11-minutes',
  'trust-lasts-31-days',
  'range-ignored',
  'unknown-body-keys-accepted',
  'body-types-coerced',
  'sms-resend-same-code',
  'reset-keeps-trusted-browsers',
  'secret-key-32-characters',
];

describe('the known-gap server variants', () => {
  it('include every known gap', () => {
    const gaps = FAULT_NAMES.filter((f) => isServerFault(f) && (FAULTS[f] as FaultSpec).knownGap !== undefined);
    expect(shownHere).toEqual(expect.arrayContaining(gaps));
  });

  it('bend the one-time password window, the throttle, the lifetimes and ranges', () => {
    const row = { last_time_step: 7 } as AuthenticatorRow;
    expect(serverRules(['totp-previous-step-refused']).otpWindow(row).stepsBefore).toBe(0);
    expect(straight.otpWindow(row).stepsBefore).toBe(1);
    const policy = (fault: 'throttles-from-fifth-failure' | 'throttle-never-doubles') =>
      serverRules([fault]).throttlePolicy();
    expect([delayAfter(4, straight.throttlePolicy()), delayAfter(4, policy('throttles-from-fifth-failure'))]).toEqual([
      0, 30_000,
    ]);
    expect([delayAfter(7, straight.throttlePolicy()), delayAfter(7, policy('throttle-never-doubles'))]).toEqual([
      120_000, 30_000,
    ]);
    expect(serverRules(['replayed-otp-not-counted']).throttlePolicy().counted.has('otp-replayed')).toBe(false);
    expect(serverRules(['success-keeps-failure-count']).throttlePolicy().successResets).toBe(false);
    const ctx = { pairingTtlMs: 600_000 } as ServiceContext;
    expect(serverRules(['registration-lives-11-minutes']).registrationExpiry(ctx, 0)).toBe(660_000);
    expect(serverRules(['pairing-token-lives-11-minutes']).pairingExpiry(ctx, 0)).toBe(660_000);
    expect([straight.registrationExpiry(ctx, 0), straight.pairingExpiry(ctx, 0)]).toEqual([600_000, 600_000]);
    expect(serverRules(['trust-lasts-31-days']).trustedBrowserLifetimeMs()).toBe(31 * DAY_MS);
    expect(straight.trustedBrowserLifetimeMs()).toBe(30 * DAY_MS);
    expect(serverRules(['range-ignored']).rangeStart('bytes=5-')).toBe(0);
    expect(straight.rangeStart('bytes=5-')).toBe(5);
  });

  it("make a registration's secret key 32 base32 characters, not 16", () => {
    const ctx = {} as ServiceContext;
    expect(serverRules(['secret-key-32-characters']).registrationSecret(ctx)).toMatch(/^[A-Z2-7]{32}$/);
    expect(straight.registrationSecret(ctx)).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('read a body with an unknown key, or a value of the wrong type, as if it were right', () => {
    const schema = Type.Object({ name: Type.String(), count: Type.Integer() }, { additionalProperties: false });
    const validator = Compile(schema);
    const checked = (fault: 'unknown-body-keys-accepted' | 'body-types-coerced' | undefined, body: unknown) =>
      validator.Check((fault ? serverRules([fault]) : straight).valueToCheck(validator, body, 'body'));
    const extraKey = { name: 'a', count: 1, admin: true };
    const wrongType = { name: 'a', count: '1' };
    expect([checked(undefined, extraKey), checked('unknown-body-keys-accepted', extraKey)]).toEqual([false, true]);
    expect([checked(undefined, wrongType), checked('body-types-coerced', wrongType)]).toEqual([false, true]);
  });
});

describe('the known-gap variants that live in a flow, on a server', () => {
  let f: Fixture | undefined;
  afterEach(async () => f?.close());

  /** The codes of two recovery phone SMS a minute apart. */
  async function twoSmsCodes(faults: 'sms-resend-same-code'[]) {
    f = await startFixture('pro', { faults });
    const app = await f.registerApp();
    await app.call('setRecoveryPhone', { body: { phone: '+85291234589' } });
    const first = await f.lastCode();
    f.advance(60_000);
    await app.call('setRecoveryPhone', { body: { phone: '+85291234589' } });
    return [first, await f.lastCode()];
  }

  it('sms-resend-same-code sends the code still alive again', async () => {
    const [first, second] = await twoSmsCodes(['sms-resend-same-code']);
    expect(second).toEqual(first);
    await f?.close();
    const [straightFirst, straightSecond] = await twoSmsCodes([]);
    expect(straightSecond).not.toEqual(straightFirst);
  });

  /** Whether a browser trusted before a reset still skips the code once an app is registered again. */
  async function trustedAfterReset(faults: 'reset-keeps-trusted-browsers'[]) {
    const fixture = (f = await startFixture('pro', { faults }));
    const app = await fixture.registerApp();
    const { loginId } = await fixture.desk.call('startLogin', { body: {} });
    const body = { code: app.code(), trustBrowser: true };
    const token = (await fixture.desk.call('loginOtp', { params: { loginId }, body })).trustedBrowserToken as string;
    fixture.advance(30_000);
    await fixture.desk.call('resetTwoFactor', { body: { code: app.code() } });
    await fixture.registerApp('Replacement');
    return (await fixture.desk.call('startLogin', { body: { browserToken: token } })).trustedBrowser;
  }

  it('reset-keeps-trusted-browsers lets a browser trusted before a reset skip the code after it', async () => {
    expect(await trustedAfterReset(['reset-keeps-trusted-browsers'])).toBe(true);
    await f?.close();
    expect(await trustedAfterReset([])).toBe(false);
  });
});
