/**
 * "Enhanced security for 2FA", model-based, on the app model in process: the model is in model.ts,
 * its commands in commands.ts and the port they act on in port.ts; here the
 * adapter that drives the app model (with one account added by secret key, the device's own password, and the lock's
 * wait to the millisecond) and the check.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkProperty, commandsOptions } from '../../../kit/property.js';
import type { Attempt } from '../../../../simulators/app/authenticator/enhanced-security.js';
import type { DeviceSpec } from '../../../../simulators/device/device-spec.js';
import { appWorld, type AppWorld } from '../common/app-world.js';
import { securityModelRun, securitySteps, SECURITY_REQUIREMENTS } from './commands.js';
import { OK, type Kind, type Outcome, type SecurityApp } from './port.js';
import { ServerTime } from '../common/support.js';
import { where } from '../../../kit/applies.js';

function attemptOf(kind: Kind, w: AppWorld): Attempt | undefined {
  if (kind === 'nothing') return undefined;
  if (kind.endsWith('biometric')) return { method: 'biometric', match: kind === 'biometric' };
  return { method: 'password', password: kind === 'password' ? w.device.lockSecret : `${w.device.lockSecret}9` };
}

function outcome(act: () => unknown): Outcome {
  try {
    act();
    return OK;
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: { retryAfterMs?: number } };
    return {
      result: e.code as Outcome['result'],
      retryAfterMs: e.details?.retryAfterMs ?? 0,
      message: e.message ?? '',
    };
  }
}

function modelApp(w: AppWorld): SecurityApp {
  return {
    waitUnitMs: 1,
    setEnabled: async (on, kind) => outcome(() => w.app.security.setEnabled(on, attemptOf(kind, w) as Attempt)),
    enabled: async () => w.app.security.enabled,
    async open(kind) {
      let shown = 0;
      const got = outcome(() => (shown = w.twoFactor.openPage(attemptOf(kind, w)).length));
      return { outcome: got, shown };
    },
    lockRemainingMs: async () => w.app.security.lockRemainingMs(),
    now: async () => w.clock.now(),
    setScreenLock: async (on) => void (w.device.screenLock = on ? 'pin' : 'none'),
    clockTo: async (epochMs) => w.clock.advanceTo(epochMs),
  };
}

export const enhancedSecurityCheck: Check = {
  id: 'tfa-enhanced-security-model',
  title: 'Enhanced security: off by default, needs a screen lock, guards the page, locks after failures',
  area: 'ESEC',
  requirements: SECURITY_REQUIREMENTS,
  scope: 'device',
  tags: ['2fa', 'app', 'model-based'],
  applies: where({ twoFactor: true, console: true, device: 'alone' }),
  async run(context: CheckContext) {
    const profile = context.column.profile as DeviceSpec;
    const time = ServerTime.of(context.session);
    const steps = securitySteps({ sameToggle: true });
    const property = fc.asyncProperty(
      fc.commands(steps, { ...commandsOptions(context, 40), size: '+1' }),
      async (cmds) => {
        const world = await appWorld(context, time);
        world.app.accounts.addFromSecret('MBS Pro', 'admin', 'JBSWY3DPEHPK3PXP');
        const phone = { screenLock: profile.screenLock !== 'none', biometric: profile.biometric !== 'none' };
        await securityModelRun(modelApp(world), cmds, phone);
      },
    );
    return checkProperty(property, context);
  },
};
