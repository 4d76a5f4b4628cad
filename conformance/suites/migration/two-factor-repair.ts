/**
 * 2FA across a migration (seed 000 §7.1, §11, §11.2; DESIGN.md). The original phone, paired for backup and for 2FA
 * by QR code, is migrated to a replacement of the other platform, which then re-pairs with the authenticator. The
 * original loses its backup pairing but keeps its 2FA accounts; push requests go to the replacement only; the
 * original's codes are still accepted, as the seed says (MIG-08, a MUST), which NIST SP 800-63B §6.2 advises
 * against (MIG-09, ADVISORY): that finding is reported last, so it never hides the MUST results.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { Violation } from '../../kit/violation.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import type { DeviceSpec } from '../../../simulators/device/device-spec.js';
import { appWorld, pairForBackup, shownCode, stepOn, type AppWorld } from '../two-factor/common/app-world.js';
import { attempt, mustPass, mustRefuse, said } from '../two-factor/common/support.js';
import { withTwoFactor } from '../two-factor/common/session.js';
import { where } from '../../kit/applies.js';

/** Whether the original phone gets a push request (a revoked key gets none). */
async function originalReceives(original: AppWorld): Promise<boolean> {
  const got = await attempt(original.twoFactor.receivePush());
  return got.ok && got.value.length > 0;
}

export const migrationRepairCheck: Check = {
  id: 'migration-2fa-repair',
  title: "After migration and re-pairing, push goes to the replacement; the original's codes still work (advisory)",
  area: 'MIG',
  requirements: ['MIG-06', 'MIG-07', 'MIG-08', 'MIG-09'],
  scope: 'device',
  exclusive: true,
  tags: ['2fa', 'app', 'migration', 'time-travel'],
  applies: where({ twoFactor: true, console: true, device: 'alone' }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const profile = context.column.profile as DeviceSpec;
        const original = await appWorld(context, time);
        const originalId = await pairForBackup(original, desk);
        const account = await original.twoFactor.scanRegistrationQr(
          (await desk.call('createRegistration', { body: {} })).payload,
        );
        const originalAuth = original.twoFactor.linkFor(account.id)?.authenticatorId ?? '';
        const other = loadProfile(profile.platform === 'android' ? 'iphone-6s' : 'redmi-note-8');
        const replacement = await appWorld(context, time, { profile: { ...other, name: `${other.name} new` } });
        const migrate = await desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId: originalId } });
        const replacementId = (await replacement.app.scanQr(migrate.payload)).deviceId;
        try {
          // MIG-06: the original's backup pairing is gone, its 2FA accounts and codes are not.
          const backup = await attempt(original.app.client().call('getSelf'));
          if (backup.ok || backup.code !== 'device-unauthorized')
            throw new Violation(['MIG-06'], `the original still reaches its backup: ${said(backup)}`);
          if (original.app.accounts.list().length !== 1 || !/^\d{6}$/.test(shownCode(original, account.id))) {
            throw new Violation(['MIG-06'], 'the original lost its 2FA account');
          }

          // MIG-07: re-paired, the replacement takes push; the original no longer does.
          const fresh = await replacement.twoFactor.scanRegistrationQr(
            (await desk.call('createRegistration', { body: {} })).payload,
          );
          const freshAuth = replacement.twoFactor.linkFor(fresh.id)?.authenticatorId ?? '';
          const { loginId } = await desk.call('startLogin', { body: {} });
          const offered = (await desk.call('getLogin', { params: { loginId } })).methods?.push.map(
            (a) => a.authenticatorId,
          );
          if (offered?.join() !== freshAuth)
            throw new Violation(['MIG-07'], `push is offered to [${offered}], not only the replacement`);
          await mustRefuse(
            desk.call('loginPush', { params: { loginId }, body: { authenticatorId: originalAuth } }),
            ['push-unavailable', 'authenticator-not-found'],
            ['MIG-07'],
            'push to the original',
          );
          const sent = await desk.call('loginPush', { params: { loginId }, body: { authenticatorId: freshAuth } });
          const [arrived] = await replacement.twoFactor.receivePush();
          if (arrived?.requestId !== sent.push?.requestId || (await originalReceives(original))) {
            throw new Violation(['MIG-07'], 'the push request did not go to the replacement alone');
          }
          await mustPass(
            replacement.twoFactor.answer(arrived?.requestId ?? '', 'approve'),
            ['MIG-07'],
            'approving on the replacement',
          );

          // MIG-08 (MUST): the original's codes stay valid; MIG-09 (ADVISORY) says they should not.
          await stepOn(original, time);
          const next = await desk.call('startLogin', { body: {} });
          const code = await attempt(
            desk.call('loginOtp', {
              params: { loginId: next.loginId },
              body: { code: shownCode(original, account.id) },
            }),
          );
          if (!code.ok) throw new Violation(['MIG-08'], `the original's code after migration: ${code.code}`);
          throw new Violation(
            ['MIG-09'],
            "the original device's one-time passwords are still accepted after migration; NIST SP 800-63B §6.2 treats a replaced authenticator as compromised",
            { checked: ['MIG-06', 'MIG-07', 'MIG-08'] },
          );
        } finally {
          await desk.call('removeDevice', { params: { deviceId: replacementId } }).catch(() => undefined);
        }
      }),
    ),
};
