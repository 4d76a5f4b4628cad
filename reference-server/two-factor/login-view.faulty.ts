/** The self-test's faulty variants of a login as the protocol shows it (login-view.ts): trust, push, the phone. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { usernameOf } from './context.js';

export const LOGIN_VIEW_FAULTS = {
  'trusted-browser-unsaid': {
    // A trusted browser still skips the one-time code, but its login says no token came with it.
    saysTrusted: () => () => false,
  },
  'push-offered-for-codes-only-devices': {
    // Lists every registered device under push, those registered by secret key or confirmed on the desktop too.
    offersPush: () => () => true,
  },
  'recovery-phone-first-digits': {
    // Shows the first two digits of the recovery phone, the country code's, instead of the last two.
    phoneDigitsShown: () => (phone) => phone.replace(/\D/g, '').slice(0, 2),
  },
  'push-countdown-wall-clock': {
    // Counts the push wait down on the machine's clock, not the clock every other decision reads.
    pushRemainingMs: (rule) => (expiresAt) => rule(expiresAt, Date.now()),
  },
  'options-named-after-desktop': {
    // Names every device in the login's options after the account the app shows, which is the desktop's name.
    optionName: () => (ctx) => usernameOf(ctx),
  },
  'push-wait-offers-pushed-device-codes-only': {
    // While a push waits, offers one-time passwords from the device it went to only, as "use a code instead" of it.
    otpOptions: (rule) => (all, pushWaitsOn) =>
      pushWaitsOn === undefined ? rule(all) : all.filter((a) => a.id === pushWaitsOn),
  },
  'recovered-device-unsaid-until-code': {
    // Fills in the device being recovered only once its SMS code is sent: the phone step names no device.
    showsRecoveredDevice: () => (state) => state === 'recovery-code',
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
