/** The self-test's faulty variants of the web console (console-assets.ts): a faulty script in place of a straight one. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const CONSOLE_ASSETS_FAULTS = {
  'console-names-unescaped': {
    // Puts device and authenticator names into the page as markup.
    consoleAsset: (straight) => (file) => (file === 'names.js' ? 'names.faulty.js' : straight(file)),
  },
  'console-countdown-frozen': {
    // Shows each countdown's first value and never counts it down.
    consoleAsset: (straight) => (file) => (file === 'countdown.js' ? 'countdown.faulty.js' : straight(file)),
  },
  'console-setup-offer-hidden': {
    // Ends the first login without showing its offer to set up 2FA.
    consoleAsset: (straight) => (file) => (file === 'setup-offer.js' ? 'setup-offer.faulty.js' : straight(file)),
  },
  'console-backups-hidden': {
    // Lists every device without the items it backed up.
    consoleAsset: (straight) => (file) => (file === 'backups.js' ? 'backups.faulty.js' : straight(file)),
  },
  'console-secret-key-foreign': {
    // Shows Show Secret Key's key as another 16 base32 characters than the QR code's.
    consoleAsset: (straight) => (file) => (file === 'secret-key.js' ? 'secret-key.faulty.js' : straight(file)),
  },
  'console-registration-qr-stale': {
    // Draws each 2FA registration QR code with a token the server never issued.
    consoleAsset: (straight) => (file) => (file === 'qr.js' ? 'qr.faulty.js' : straight(file)),
  },
  'console-pairing-qr-foreign-server': {
    // Draws each pairing QR code with another server id than the server's own.
    consoleAsset: (straight) => (file) => (file === 'qr.js' ? 'qr-server.faulty.js' : straight(file)),
  },
  'console-countdown-late': {
    // Counts the push request's and the SMS code's countdowns from 15 s less than the server stated.
    consoleAsset: (straight) => (file) => (file === 'countdown.js' ? 'countdown-late.faulty.js' : straight(file)),
  },
  'console-otp-countdown-whole-step': {
    // Counts the one-time password's countdown from a whole step, whatever the server stated is left of it.
    consoleAsset: (straight) => (file) => (file === 'countdown.js' ? 'countdown-step.faulty.js' : straight(file)),
  },
  'console-authenticators-unlisted': {
    // Shows no registered device in Settings > Authentication.
    consoleAsset: (straight) => (file) =>
      file === 'authenticator-row.js' ? 'authenticator-row.faulty.js' : straight(file),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
