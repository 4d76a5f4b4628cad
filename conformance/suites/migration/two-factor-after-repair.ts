/**
 * The migration checks on the apps where the edition has 2FA, after the replacement re-pairs: push requests go to
 * the replacement only and the original's one-time passwords are still accepted (MIG-07, MIG-08, MUST, as the seed
 * says), though NIST SP 800-63B would have them revoked (MIG-09, ADVISORY).
 */
import { MbsError } from '../../spec/errors.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { expectEqual, expectTrue, totp } from '../../kit/device-support.js';
import { refusal, serverNow, withRepairedReplacement } from './app-world.js';
import { where } from '../../kit/applies.js';

export const pushMoves: Check = {
  id: 'migration-push-moves-to-replacement',
  title:
    "After migration and re-pairing, push requests go to the replacement and no longer to the original; the original's one-time passwords are still accepted",
  area: 'MIG',
  requirements: ['MIG-02', 'MIG-07', 'MIG-08'],
  scope: 'device',
  exclusive: true,
  applies: where({ device: 'paired', twoFactor: true }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withRepairedReplacement(context, async ({ original, replacement, originalId, replacementId, secret }) => {
        const console = context.session.console!;
        const login = await console.call('startLogin', { body: {} });
        expectEqual(['MIG-07'], 'the login (no password lock expected)', login.state, 'choose-method');
        const pushable = (login.methods?.push ?? []).map((m) => m.authenticatorId);
        expectTrue(
          ['MIG-07'],
          pushable.includes(replacementId) && !pushable.includes(originalId),
          `push goes to [${pushable.join(', ')}]`,
        );
        const toOriginal = await refusal(() =>
          console.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId: originalId } }),
        );
        const noPush = ['push-unavailable', 'authenticator-not-found'];
        expectTrue(['MIG-07'], noPush.includes(toOriginal), `a push request to the original: ${toOriginal}`);
        await console.call('loginPush', {
          params: { loginId: login.loginId },
          body: { authenticatorId: replacementId },
        });
        expectEqual(['MIG-07'], 'push requests the replacement received', (await replacement.receivePush()).length, 1);
        // An original whose registration the server dropped receives nothing either.
        const stale = await original.receivePush().catch((error: unknown) => {
          if (error instanceof MbsError && error.code === 'authenticator-unauthorized') return [];
          throw error;
        });
        expectEqual(['MIG-07'], 'push requests the original received', stale.length, 0);
        const otpLogin = await console.call('startLogin', { body: {} });
        let state: string;
        try {
          const code = totp(secret, serverNow(context.session));
          const body = { code, authenticatorId: originalId };
          state = (await console.call('loginOtp', { params: { loginId: otpLogin.loginId }, body })).state;
        } catch (error) {
          state = error instanceof MbsError ? error.code : String(error);
        }
        expectEqual(['MIG-08'], "a login with the original's one-time password", state, 'logged-in');
      }),
    ),
};

export const totpRevoked: Check = {
  id: 'migration-original-totp-revoked',
  title: "After migration the server stops accepting the original's one-time passwords (NIST SP 800-63B; advisory)",
  area: 'MIG',
  requirements: ['MIG-09'],
  scope: 'device',
  exclusive: true,
  applies: where({ device: 'paired', twoFactor: true }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withRepairedReplacement(context, async ({ originalId, secret }) => {
        const console = context.session.console!;
        const login = await console.call('startLogin', { body: {} });
        const code = totp(secret, serverNow(context.session));
        const answer = await refusal(() =>
          console.call('loginOtp', { params: { loginId: login.loginId }, body: { code, authenticatorId: originalId } }),
        );
        expectTrue(
          ['MIG-09'],
          answer !== 'accepted',
          "the server still accepts the original's one-time passwords after migration",
        );
      }),
    ),
};
