/**
 * Push approval and the login flow around it (seed 000 Appendix A, §6.4.4, §11.2; seed 001), model-based: random
 * sequences of logins, push requests and Resends to two devices, approvals and rejections (also of earlier
 * requests, and by the wrong device), one-time passwords of every kind, and clock moves biased to 4:59.999 and
 * 5:00.000 of the latest request. The login must always be where the model says, with its countdown. Without the
 * server's clock every rule that needs none still runs (Resend voiding, approvals, codes of the server's step on the
 * shared machine clock); a request's end, the step edges and the throttle are then left untested. First, one
 * request is answered several times at once (answer-at-once.ts).
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkProperty, commandsOptions } from '../../../kit/property.js';
import { pushCommands } from './commands.js';
import { verifyAll, type PushWorld } from './world.js';
import { sinceVerify, type PushModel } from './model.js';
import { registerByQr, settleOtp } from '../common/actors.js';
import { codeAt } from '../common/totp-steps.js';
import { DESKTOP_LOGIN } from '../common/otp-commands.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { judgeHistory } from '../../../kit/history/judge.js';
import { clearAuthenticators } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';
import { answeredAtOnce } from './answer-at-once.js';

export const loginPushModelCheck: Check = {
  id: 'tfa-push-login-model',
  title: 'Push requests live 5 minutes, Resend voids, only approval logs in; codes work on every screen',
  area: 'PUSH',
  requirements: [
    'PUSH-01',
    'PUSH-03',
    'PUSH-04',
    'PUSH-05',
    'PUSH-06',
    'PUSH-07',
    'PUSH-10',
    'LOGIN-02',
    'LOGIN-04',
    'LOGIN-06',
    'LOGIN-07',
    'LOGIN-11',
    'TOTP-02',
    'TOTP-04',
    'TOTP-06',
    'TOTP-08',
    'TOTP-09',
    'TOTP-11',
    'TOTP-12',
    'TOTP-13',
    'TOTP-14',
  ],
  scope: 'server',
  exclusive: true,
  tags: ['model-based', '2fa', 'time-travel'],
  // Without the clock: no request's 4:59.999 / 5:00.000, no step edge, no throttle (only the clock ends its wait).
  requirementsWithout: { clock: ['PUSH-04', 'TOTP-13', 'TOTP-14'] },
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, async (desk, time) => {
      const { url } = context.session;
      // Once, before the sequences: their answers go one at a time, answers at once are this step's alone.
      await answeredAtOnce(desk, url);
      const property = fc.asyncProperty(
        fc.commands(pushCommands(time.movable), commandsOptions(context, 20)),
        async (cmds) => {
          // withTwoFactor took the password lock off, and nothing here sets one.
          await clearAuthenticators(desk);
          const a = await registerByQr(desk, url, 'Phone A');
          const b = await registerByQr(desk, url, 'Phone B');
          const settled = await settleOtp(desk, time, a, -1);
          const login = await desk.call('startLogin', { body: {} });
          // Each sequence's codes and approvals, judged as they are accepted and once more at its end.
          const history = new HistoryRecorder();
          history.invoke(DESKTOP_LOGIN, { f: 'code', kind: 'totp', code: codeAt(a.secret, settled) })('ok');
          const world: PushWorld = { desk, time, auths: [a, b], seen: [0, 0], history };
          const model: PushModel = {
            otp: { lastStep: { [a.id]: settled }, failures: 0 },
            lastCode: {},
            logins: { [login.loginId]: { id: login.loginId, state: 'choose-method' } },
            current: login.loginId,
            requests: [],
            since: sinceVerify(),
          };
          await fc.asyncModelRun(() => ({ model, real: world }), cmds);
          await verifyAll(model, world);
          judgeHistory(history.history, ['accepted-once']);
        },
      );
      return checkProperty(property, context);
    }),
};
