/**
 * 2FA across a migration through the screens (seed 000 §6.3.1 NOTE, §7.1, §11; DESIGN.md): the column's phone,
 * paired for backup and registered for 2FA by QR code, is migrated to a phone of the other platform, whose 2FA page
 * offers "Re-pair with authenticator". A phone registered for 2FA cannot become the replacement (the app shows the
 * refusal and stays unpaired). Once re-paired, the replacement's 2FA page gets the push request and approves it;
 * the original's gets none; the code the original's 2FA page shows still logs in (MIG-08, MUST, as the seed says),
 * which NIST SP 800-63B §6.2 advises against (MIG-09, ADVISORY): that finding is reported last.
 *
 * Not through the screens: which authenticators the desktop offers push to (the check reads it from the desktop,
 * as migration-push-moves-to-replacement does) and why the original receives nothing.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { Violation } from '../../kit/violation.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { withTwoFactor } from '../two-factor/common/session.js';
import { pairThroughScreens, state } from '../../kit/screens-support.js';
import { otherPhone, pairAsReplacement, withPhones } from './screens-support.js';
import { authenticatorIds, removeAuthenticatorsSince } from '../two-factor/common/support.js';
import { codeOnPage, logIn, registerOnPhone } from '../two-factor/common/screens-support.js';
import { where } from '../../kit/applies.js';

export const uiMigrationRepairCheck: Check = {
  id: 'migration-2fa-repair-screens',
  title:
    "Through the screens: after migration the replacement re-pairs with the authenticator and takes the push requests, the original gets none; a phone registered for 2FA cannot be the replacement; the original's codes still work (advisory)",
  area: 'MIG',
  requirements: ['MIG-02', 'MIG-06', 'MIG-07', 'MIG-08', 'MIG-09'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({
    overWebDriverOf: 'migration-2fa-repair and migration-push-moves-to-replacement',
    device: 'paired',
    twoFactor: true,
  }),
  run: (context: DeviceCheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const before = await authenticatorIds(desk);
        try {
          await withPhones(context, async (open) => {
            const original = await open(context.column.profile, 'original');
            await pairThroughScreens(original, context.session);
            const first = await registerOnPhone(original, desk);
            expectTrue(['MIG-07'], first.authenticatorId !== undefined, `registering the original: ${first.scanned}`);
            const originalId = (await state(original)).pairing!.deviceId;

            const registered = await open(otherPhone(context), 'registered');
            await registerOnPhone(registered, desk);
            const refused = await pairAsReplacement(registered, desk, originalId);
            expectEqual(['MIG-02'], 'the pairing of a phone registered for 2FA', refused.after.pairing, null);
            expectTrue(['MIG-02'], refused.after.message !== null, 'no refusal shown on the phone registered for 2FA');

            const replacement = await open(otherPhone(context), 'replacement');
            const migrated = await pairAsReplacement(replacement, desk, originalId);
            expectTrue(['MIG-07'], migrated.after.pairing !== null, `the migration: ${migrated.after.message}`);
            const code = await codeOnPage(original, time);
            expectTrue(['MIG-06'], /^\d{6}$/.test(code), `the original's 2FA page after migration shows "${code}"`);

            const repaired = await registerOnPhone(replacement, desk, 'tfa-repair');
            const freshId = repaired.authenticatorId;
            expectTrue(['MIG-07'], freshId !== undefined, `Re-pair with authenticator: ${JSON.stringify(repaired)}`);
            const { loginId } = await desk.call('startLogin', { body: {} });
            const offered = ((await desk.call('getLogin', { params: { loginId } })).methods?.push ?? []).map(
              (a) => a.authenticatorId,
            );
            expectTrue(
              ['MIG-07'],
              offered.includes(freshId!) && !offered.includes(first.authenticatorId!),
              `push is offered to [${offered.join(', ')}]: the replacement is ${freshId}, the original ${first.authenticatorId}`,
            );
            const sent = await desk.call('loginPush', { params: { loginId }, body: { authenticatorId: freshId! } });
            await original.tap('tfa-refresh');
            expectEqual(['MIG-07'], "requests on the original's 2FA page", (await state(original)).requests, []);
            await replacement.tap('tfa-refresh');
            const requestId = sent.push!.requestId;
            const rows = (await state(replacement)).requests.map((r) => r.requestId);
            expectEqual(['MIG-07'], "requests on the replacement's 2FA page", rows, [requestId]);
            await replacement.tap(`request-${requestId}-approve`);
            await replacement.execute('mobile: waitForIdle', {});
            const approved = await desk.call('getLogin', { params: { loginId } });
            expectEqual(['MIG-07'], 'the login approved on the replacement', approved.state, 'logged-in');

            const later = await codeOnPage(original, time);
            const outcome = await logIn(desk, later);
            expectEqual(['MIG-08'], "a login with the code on the original's 2FA page", outcome, 'logged-in');
            throw new Violation(
              ['MIG-09'],
              "the original device's one-time passwords are still accepted after migration; NIST SP 800-63B §6.2 treats a replaced authenticator as compromised",
              { checked: ['MIG-02', 'MIG-06', 'MIG-07', 'MIG-08'] },
            );
          });
        } finally {
          await removeAuthenticatorsSince(desk, before);
        }
      }),
    ),
};
