/**
 * Screens the app shows over its pages: the QR scanner (answered by `mobile: scanQr`), the device authentication
 * that enhanced security asks for (a password typed, or `mobile: biometric`), and the lock screen. The pairing
 * confirmation that follows a pairing QR code is in pairing-screens.ts.
 */
import { ClientError } from '../../../conformance/spec/errors.js';
import { decodePairingPayload } from '../../../conformance/spec/protocol/pairing.js';
import type { Attempt } from '../../app/authenticator/enhanced-security.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, field, text, type UiElement } from '../ui-element.js';

export function scannerScreen(session: SimulatorSession): UiElement[] {
  const what = session.scannerPurpose === 'pairing' ? 'the pairing QR code' : 'the 2FA QR code';
  return [
    text('scanner-hint', `Point the camera at ${what} on the desktop`),
    button('scanner-cancel', 'Cancel', (s) => s.back()),
  ];
}

/** The camera sees `payload` while the scanner is open: pairing or 2FA registration, as the scanner was opened for. */
export async function scanQr(session: SimulatorSession, payload: string): Promise<{ scanned: string }> {
  if (session.screen !== 'scanner') {
    throw new ClientError('prompt-not-open', `The QR scanner is not open (the ${session.screen} screen is).`);
  }
  const purpose = session.scannerPurpose;
  session.back();
  if (purpose === 'pairing') {
    // Seed 000 §6.2: once the code is detected the app asks before it pairs (PAIR-03).
    decodePairingPayload(payload);
    if (session.app.rules.pairsOn('detected')) await session.app.scanQr(payload);
    session.pendingPairing = payload;
    session.open('pair-confirm');
  } else {
    await session.twoFactor.scanRegistrationQr(payload);
    session.message = '2FA account added.';
  }
  return { scanned: purpose };
}

/**
 * The device's authentication: a biometric, or the link ("USE PASSWORD" on Android, "Show Passcode" on iOS) that
 * opens the entry for the password or passcode, confirmed with Next.
 */
export function authenticateScreen(session: SimulatorSession): UiElement[] {
  const { device } = session;
  const biometric = device.biometric === 'none' ? [] : [text('auth-biometric-hint', biometricHint(device.biometric))];
  const entry = session.authByPassword
    ? [
        field('auth-password', 'Device password', session.authPassword, (s, v) => void (s.authPassword = v), true),
        button('auth-confirm', 'Next', (s) => answerPrompt(s, { method: 'password', password: s.authPassword })),
      ]
    : [
        button('auth-use-password', session.app.rules.passwordLink(device.platform), (s) => {
          s.authByPassword = true;
        }),
      ];
  return [
    text('auth-reason', session.auth?.reason ?? 'Authenticate'),
    ...entry,
    ...biometric,
    button('auth-cancel', 'Cancel', (s) => s.back()),
  ];
}

const biometricHint = (kind: 'fingerprint' | 'face') =>
  kind === 'fingerprint' ? 'Touch the fingerprint sensor' : 'Look at the phone for Face ID';

/** Answers the open authentication prompt; a failure leaves it open with the reason shown. */
export async function answerPrompt(session: SimulatorSession, attempt: Attempt): Promise<void> {
  const pending = session.auth;
  if (session.screen !== 'authenticate' || !pending) {
    throw new ClientError('prompt-not-open', `No authentication prompt is open (the ${session.screen} screen is).`);
  }
  session.app.security.authenticate(attempt);
  session.auth = undefined;
  session.nav.back();
  await pending.then(session, attempt);
}

export function lockScreen(session: SimulatorSession): UiElement[] {
  return [
    text('lock-clock', new Date(session.clock.now()).toISOString().slice(11, 16)),
    text('lock-notifications', `${session.device.pushInbox.length} notifications`),
  ];
}
