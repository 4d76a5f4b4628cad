/**
 * One-time passwords at the desktop login (seed 002 "Setting up 2FA", seed 000 Appendix A; PROTOCOL.md), model-based:
 * random sequences of codes (current, previous, next, two steps and 5 minutes away, replayed, wrong, malformed),
 * from an authenticator registered by QR code and one registered by secret key, named or not; runs of wrong codes;
 * codes at a step's 29.999 s and 30.000 s; the clock moved to the ends of throttling waits. Every answer must be one
 * the model allows: the ±1 step window, each code once, throttling after 5 failures and its reset by a success.
 * Without the server's clock every rule runs that needs none: codes of the server's step on the machine clock they
 * share, failures kept below the throttle; the step edges and the throttle are then left untested. The commands are
 * in code-window-commands.ts; first, one code is sent to several logins at once (code-at-once.ts).
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkProperty, commandsOptions } from '../../../kit/property.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { Sometimes, withReached } from '../../../kit/sometimes.js';
import { CODE_IN_LAST_MS, DESKTOP_LOGIN, type OtpModel } from '../common/otp-commands.js';
import { registerByQr, registerBySecretKey, settleOtp } from '../common/actors.js';
import { codeAt } from '../common/totp-steps.js';
import { clearAuthenticators } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';
import { stillChoosing, windowCommands, type World } from './code-window-commands.js';
import { sameCodeAtOnce } from './code-at-once.js';

export const totpWindowCheck: Check = {
  id: 'tfa-totp-window-model',
  title: 'One-time passwords: ±1 step accepted, ±2 and 5 minutes refused, each once, throttled after 5 failures',
  area: 'TOTP',
  requirements: [
    'TOTP-01',
    'TOTP-02',
    'TOTP-04',
    'TOTP-08',
    'TOTP-09',
    'TOTP-11',
    'TOTP-12',
    'TOTP-13',
    'TOTP-14',
    'TOTP-18',
    'LOGIN-02',
    'LOGIN-11',
  ],
  scope: 'server',
  exclusive: true,
  tags: ['model-based', '2fa', 'time-travel'],
  // Without the clock: no step edge (29.999 s / 30.000 s) and no throttle, whose wait only the clock can end.
  requirementsWithout: { clock: ['TOTP-13', 'TOTP-14', 'TOTP-18'] },
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, async (desk, time) => {
      const { url } = context.session;
      // Once, before the sequences: their codes are one at a time, a code at once is this step's alone.
      await sameCodeAtOnce(desk, time, url);
      // Only a clock the kit moves lands a code on a step's last millisecond.
      const sometimes = new Sometimes(time.movable ? [CODE_IN_LAST_MS] : []);
      const property = fc.asyncProperty(
        fc.commands(windowCommands(time.movable), commandsOptions(context, 24)),
        async (cmds) => {
          // withTwoFactor took the password lock off, and nothing here sets one.
          await clearAuthenticators(desk);
          const a = await registerByQr(desk, url, 'Totp A');
          const b = await registerBySecretKey(desk, url, 'Totp B', time);
          const settled = await settleOtp(desk, time, a, -1);
          const history = new HistoryRecorder();
          // The codes the setup used are the history's first acceptances: a replay of one is a second.
          for (const code of [codeAt(a.secret, settled), codeAt(b.secret, b.usedStep)]) {
            history.invoke(DESKTOP_LOGIN, { f: 'code', kind: 'totp', code })('ok');
          }
          const world: World = { desk, time, auths: [a, b], loginId: undefined, unread: false, history, sometimes };
          const model: OtpModel = {
            otp: { lastStep: { [a.id]: settled, [b.id]: b.usedStep }, failures: 0 },
            lastCode: {},
          };
          await fc.asyncModelRun(() => ({ model, real: world }), cmds);
          await stillChoosing(world);
        },
      );
      return withReached(await checkProperty(property, context), sometimes);
    }),
};
