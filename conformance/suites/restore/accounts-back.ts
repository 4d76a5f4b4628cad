/**
 * RST-12 on the phone the restore of 2FA accounts is for: one that lost them. Two accounts backed up, one with a key
 * of 16 characters (what the app shows) and one with RFC 6238's own key of 32, are removed from the phone; the 2FA
 * group is selected on the restore page and restored: both must be back on the 2FA page, each showing the codes its
 * own key gives, now and a step later. The restore selection property restores accounts too, but onto a phone
 * without them only in some of its runs.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { expectEqual, newWorld, sorted, totp } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';
import { openRestorePage, restoreFromPage } from '../../../simulators/app/restore-page.js';

const KEYS = [
  { issuer: 'Backup Pro', user: 'admin', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Mail', user: 'me@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
];

export const accountsBackCheck: Check = {
  id: 'restore-2fa-accounts-working-codes',
  title: 'Restored 2FA accounts are back on the 2FA page of a phone that lost them, with the codes of their own keys',
  area: 'RST',
  requirements: ['RST-12'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { app, device } = await newWorld(context);
      const added = KEYS.map((k) => app.accounts.addFromSecret(k.issuer, k.user, k.secret));
      await app.backup();
      for (const a of added) app.accounts.remove(a.id);
      const page = await openRestorePage(app);
      page.tap('2fa');
      await restoreFromPage(app, page);
      const shown = app.accounts.list().map((a) => `${a.issuer}:${a.label}`);
      expectEqual(
        ['RST-12'],
        '2FA accounts on the 2FA page',
        sorted(shown),
        sorted(KEYS.map((k) => `${k.issuer}:${k.user}`)),
      );
      for (const at of [device.clock.now(), device.clock.now() + 30_000]) {
        const codes = app.accounts.codes(at).map((c) => `${c.issuer}:${c.code}`);
        const expected = KEYS.map((k) => `${k.issuer}:${totp(k.secret, at)}`);
        expectEqual(
          ['RST-12'],
          `the codes the 2FA page shows at ${new Date(at).toISOString()}`,
          sorted(codes),
          sorted(expected),
        );
      }
    }),
};
