/** The self-test's faulty variants of the web console (console-assets.ts): a faulty script in place of a straight one. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

/** Serves `faulty` in place of the console's script `straight`, every other file as it was. */
const swapped =
  (straight: string, faulty: string): ServerRuleOverride['consoleAsset'] =>
  (asset) =>
  (file) =>
    file === straight ? faulty : asset(file);

export const CONSOLE_ASSETS_FAULTS = {
  'console-names-unescaped': {
    // Puts device and authenticator names into the page as markup.
    consoleAsset: swapped('names.js', 'names.faulty.js'),
  },
  'console-countdown-frozen': {
    // Shows each countdown's first value and never counts it down.
    consoleAsset: swapped('countdown.js', 'countdown.faulty.js'),
  },
  'console-setup-offer-hidden': {
    // Ends the first login without showing its offer to set up 2FA.
    consoleAsset: swapped('setup-offer.js', 'setup-offer.faulty.js'),
  },
  'console-backups-hidden': {
    // Lists every device without the items it backed up.
    consoleAsset: swapped('backups.js', 'backups.faulty.js'),
  },
  'console-secret-key-foreign': {
    // Shows Show Secret Key's key as another 16 base32 characters than the QR code's.
    consoleAsset: swapped('secret-key.js', 'secret-key.faulty.js'),
  },
  'console-registration-qr-stale': {
    // Draws each 2FA registration QR code with a token the server never issued.
    consoleAsset: swapped('qr.js', 'qr.faulty.js'),
  },
  'console-pairing-qr-foreign-server': {
    // Draws each pairing QR code with another server id than the server's own.
    consoleAsset: swapped('qr.js', 'qr-server.faulty.js'),
  },
  'console-countdown-late': {
    // Counts the push request's and the SMS code's countdowns from 15 s less than the server stated.
    consoleAsset: swapped('countdown.js', 'countdown-late.faulty.js'),
  },
  'console-otp-countdown-whole-step': {
    // Counts the one-time password's countdown from a whole step, whatever the server stated is left of it.
    consoleAsset: swapped('countdown.js', 'countdown-step.faulty.js'),
  },
  'console-authenticators-unlisted': {
    // Shows no registered device in Settings > Authentication.
    consoleAsset: swapped('authenticator-row.js', 'authenticator-row.faulty.js'),
  },
  'console-migration-names-swapped': {
    // Says the migration of contents went from the replacement to the original.
    consoleAsset: swapped('pairing-outcome.js', 'pairing-outcome.faulty.js'),
  },
  'console-2fa-screens-on-home': {
    // Shows Settings > Authentication and the login's tab on every edition, Home included.
    consoleAsset: swapped('edition-screens.js', 'edition-screens.faulty.js'),
  },
  'console-email-countdown-5-minutes': {
    // Counts the e-mail code down from the SMS code's 5 minutes, not from the 24 hours the server stated.
    consoleAsset: swapped('countdown.js', 'countdown-sms-lifetime.faulty.js'),
  },
  'console-pairing-guidance-bare': {
    // Shows the pairing dialog of a user who has the app: scan from it, no way to the store, no prerequisites.
    consoleAsset: swapped('pairing-guidance.js', 'pairing-guidance.faulty.js'),
  },
  'console-wizard-modes-swapped': {
    // Labels each choice of "Add or migrate device" with the other's words.
    consoleAsset: swapped('mode-labels.js', 'mode-labels.faulty.js'),
  },
  'console-original-chooser-stale': {
    // Offers as the original only the devices paired when the wizard was first opened.
    consoleAsset: swapped('original-devices.js', 'original-devices.faulty.js'),
  },
  'console-code-address-masked': {
    // Masks the license address the reset step says the e-mail code was sent to.
    consoleAsset: swapped('code-sent-to.js', 'code-sent-to.faulty.js'),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
