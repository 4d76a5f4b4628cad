/**
 * Recovery by SMS end to end (seed 000 §6.3.1, Appendix A "Unable to accept notification request", §11.2): the app
 * verifies a recovery phone with an SMS code; "Unable to login" then chooses the device to discard, shows the
 * phone's last two digits, sends nothing to another number, sends `ABCD-123456` valid 5 minutes (alive at 4:59.999,
 * expired at 5:00.000) and voided by a resend, throttles guessing, and on a valid code completes the login, discards
 * the device and offers a new QR registration; that code, and the phone's, typed again are refused (REC-14). The SMS codes are read from the server's outbox. Without the server's
 * clock all but the code's end and the throttle is checked, and REC-06 and REC-15 are left untested.
 *
 * This file holds the check; the recovery phone is in recovery-phone.ts, the SMS code in sms-code.ts,
 * what follows the right code in device-discarded.ts, and a code typed several times at once in
 * sms-code-at-once.ts.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import { Outbox, type LoginUnderWay, registerByQr } from '../common/actors.js';
import { mustPass, mustRefuse } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { PHONE, verifyPhone } from './recovery-phone.js';
import { expiresAfterFiveMinutes, guess, rightCode, sampleCodes, send, submit } from './sms-code.js';
import { verifyDiscarded } from './device-discarded.js';
import { smsCodeAtOnce } from './sms-code-at-once.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { presentUsedAgain } from '../common/used-codes.js';
import { where } from '../../../kit/applies.js';
import { migrateDevice, pairDevice, removeQuietly, type PairedDevice } from '../../../kit/server-support.js';

/** MIG-15: after recovery the lost phone's backup is still there for a replacement to take over. */
async function verifyMigratable(context: CheckContext, lost: PairedDevice, paired: string[]): Promise<void> {
  const heir = await migrateDevice(context.session, lost.deviceId, 'Replacement phone').catch((error: unknown) => {
    throw new Violation(['MIG-15'], `after recovery the lost phone's backup cannot be migrated: ${String(error)}`);
  });
  paired.push(heir.deviceId);
  if (heir.backupPath !== lost.backupPath) {
    throw new Violation(['MIG-15'], `the replacement got ${heir.backupPath}, not the lost phone's ${lost.backupPath}`);
  }
}

export const recoveryCheck: Check = {
  id: 'tfa-recovery-sms',
  title: 'Unable to login: recovery phone, SMS code ABCD-123456 valid 5 minutes, device discarded, QR to re-pair',
  area: 'REC',
  requirements: [
    'REC-01',
    'REC-02',
    'REC-03',
    'REC-04',
    'REC-05',
    'REC-06',
    'REC-07',
    'REC-08',
    'REC-09',
    'REC-10',
    'REC-13',
    'REC-14',
    'REC-15',
    'TFA-16',
    'MIG-15',
  ],
  scope: 'server',
  exclusive: true,
  tags: ['2fa', 'time-travel', 'outbox'],
  // Without the clock: no code's 5:00.000 and no throttle, whose wait only the clock can end.
  requirementsWithout: { clock: ['REC-06', 'REC-15'] },
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, async (desk, time) => {
      const outbox = await Outbox.open(desk);
      const paired: string[] = [];
      return checkOnce(async () => {
        // The lost phone backs up too: once recovery lets the user in, its backup is migrated (MIG-15).
        const lost = await pairDevice(context.session, 'Lost phone');
        paired.push(lost.deviceId);
        const a = await registerByQr(desk, context.session.url, 'Lost phone', lost.deviceId);
        const b = await registerByQr(desk, context.session.url, 'Spare phone');
        await verifyPhone(a, outbox, time);
        const { loginId } = await desk.call('startLogin', { body: {} });
        const id = { loginId };
        await mustRefuse(
          desk.call('loginRecovery', { params: id, body: { authenticatorId: b.id } }),
          ['recovery-phone-missing'],
          ['REC-10'],
          'recovering a device without a recovery phone',
        );
        await desk.call('loginPush', { params: id, body: { authenticatorId: a.id } });
        const chosen = await mustPass(
          desk.call('loginRecovery', { params: id, body: { authenticatorId: a.id } }),
          ['REC-02'],
          'choosing the device',
        );
        const shown = chosen.recovery;
        if (chosen.state !== 'recovery-phone' || shown?.authenticatorId !== a.id || shown.name !== a.name)
          throw new Violation(
            ['REC-02'],
            `after choosing, the login is at ${chosen.state} with ${JSON.stringify(shown)}`,
          );
        if (shown.phoneLastDigits !== PHONE.slice(-2))
          throw new Violation(['REC-03'], `the phone step shows ${shown.phoneLastDigits}`);
        const back = await mustPass(
          desk.call('loginPush', { params: id, body: { authenticatorId: b.id } }),
          ['REC-01'],
          'Previous: back to push',
        );
        if (back.state !== 'push-wait') throw new Violation(['REC-01'], `Previous led to ${back.state}`);
        await desk.call('loginRecovery', { params: id, body: { authenticatorId: a.id } });
        await mustRefuse(
          desk.call('loginRecoveryPhone', { params: id, body: { phone: '+15550100468' } }),
          ['recovery-phone-mismatch'],
          ['REC-04'],
          'another phone number',
        );
        if ((await outbox.read()).length > 0)
          throw new Violation(['REC-04'], 'an SMS went out for another phone number');

        const history = new HistoryRecorder();
        const r: LoginUnderWay = { desk, time, outbox, loginId, history };
        const first = (await send(r)).sms;
        // Resend voids the earlier code; sending the same ABCD-123456 again would leave it good (a fresh code of
        // letters and digits repeats once in about 10^11).
        const again = (await send(r)).sms;
        if (again.letters === first.letters && again.digits === first.digits)
          throw new Violation(['REC-07'], `Resend sent the earlier code ${first.letters}-${first.digits} again`);
        await sampleCodes(r, a.id);
        if (first.digits !== again.digits) {
          await mustRefuse(
            submit(r, first.digits),
            ['verification-code-invalid'],
            ['REC-07'],
            'the code sent before Resend',
          );
        }
        if (time.movable) await expiresAfterFiveMinutes(r);
        // The code sent before Resend, refused, is the one failure counted so far.
        await guess(r, (await send(r)).sms.digits, first.digits !== again.digits ? 1 : 0);
        const done = await rightCode(r);
        // The code that completed the recovery, typed again, is refused: the history names both acceptances if not.
        await presentUsedAgain(history, 'sms', (digits) => submit(r, digits), 'the recovery SMS code again');
        await verifyDiscarded(desk, time, done, a, b);
        await verifyMigratable(context, lost, paired);
        // Last: a code typed at once is this step's alone.
        await smsCodeAtOnce(desk, time, outbox, context.session.url);
      }).finally(() => removeQuietly(context.session, paired));
    }),
};
