/** Time-based one-time passwords (seed 000 §6.3.1, Appendix A; seeds 001 and 002) and the RFCs behind them. */
import type { Requirement } from './types.js';

export const TOTP_REQUIREMENTS = [
  {
    id: 'TOTP-01',
    statement:
      'The app computes one-time passwords from the account’s secret and the device’s current time, and the server accepts them.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
  },
  {
    id: 'TOTP-02',
    statement: 'One-time passwords use HMAC-SHA1, 6 digits and a 30-second time step.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Setting up 2FA' },
    interpretation:
      'The seeds give only the 30 s; DESIGN.md settles SHA1 and 6 digits, as third-party authenticators expect by default.',
  },
  {
    id: 'TOTP-03',
    statement: 'The app shows a new one-time password for each account every 30 seconds.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Setting up 2FA' },
  },
  {
    id: 'TOTP-04',
    statement:
      'The server accepts the one-time password of the current step and rejects one from two or more steps away.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Setting up 2FA' },
    interpretation:
      'The seed says a code is valid for 30 s; one step of drift either side is left open (TOTP-13), two or more fail.',
  },
  {
    id: 'TOTP-05',
    statement: 'The secret key the server shows is 16 base32 characters.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: TOTP Only' },
    interpretation: 'The seed’s "16-digit secret key"; DESIGN.md: 16 base32 characters.',
  },
  {
    id: 'TOTP-06',
    statement: 'The server’s one-time password prompt counts down the seconds left in the current 30-second step.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: One-time password generated not working' },
    interpretation:
      'The prompts show (00:00:18), (00:00:24), (00:00:28): always under 30 s, so read as the time left in the step.',
  },
  {
    id: 'TOTP-07',
    statement: 'The app generates one-time passwords with no network connection.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
    interpretation:
      'The one-time password is the fallback "if there are issues with the push notification", so it cannot need the network.',
  },
  {
    id: 'TOTP-08',
    statement: 'A one-time password that does not match is refused, and the login stays at the prompt.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: One-time password generated not working' },
  },
  {
    id: 'TOTP-09',
    statement: 'A device whose clock is 5 minutes or more off produces one-time passwords that the server refuses.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Setting up 2FA' },
    interpretation: 'The seed asks for correct device time; 5 minutes is our threshold, far beyond any accepted drift.',
  },
  {
    id: 'TOTP-10',
    statement:
      'Entering the saved QR code or alphanumeric secret on a new device yields one-time passwords the server accepts.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'What if: lost device' },
  },
  {
    id: 'TOTP-11',
    statement: 'One-time passwords follow RFC 6238 with T0 = 0 and X = 30 s, truncated to 6 digits as in RFC 4226.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: Features' },
    interpretation: 'PROTOCOL.md states it without condition, after RFC 6238 §4; RFC 4226 §5.3.',
  },
  {
    id: 'TOTP-12',
    statement: 'The server accepts a given one-time password at most once; a replay within its validity is refused.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
    interpretation:
      'The seed calls the password one-time; DESIGN.md settles it as "a code is accepted once" (as RFC 6238 §5.2 and NIST SP 800-63B §5.1.4.2 ask).',
  },
  {
    id: 'TOTP-13',
    statement: 'The server tolerates at most one time step of clock drift on either side of the current step.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Setting up 2FA' },
    interpretation: 'PROTOCOL.md states it without condition, after RFC 6238 §5.2.',
  },
  {
    id: 'TOTP-14',
    statement: 'The server limits consecutive failed one-time password attempts on an account to at most 100.',
    level: 'ADVISORY',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: One-time password generated not working' },
    reference: 'NIST SP 800-63B §5.2.2',
  },
  {
    id: 'TOTP-15',
    statement:
      'TOTP secrets are at least 128 bits long, 160 recommended; the seed’s 16 base32 characters give only 80 bits.',
    level: 'ADVISORY',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: TOTP Only' },
    reference: 'RFC 4226 §4 (requirement R6)',
    interpretation:
      'Conflicts with TOTP-05 by design: the reference server follows the seed and reports this as an advisory finding.',
  },
  {
    id: 'TOTP-16',
    statement:
      'A QR code meant for authenticator apps encodes otpauth://totp/<issuer>:<account> with secret and issuer parameters.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Setting up 2FA' },
    interpretation:
      'PROTOCOL.md states it without condition, after Google Authenticator Key Uri Format (github.com/google/google-authenticator/wiki/Key-Uri-Format).',
  },
  {
    id: 'TOTP-17',
    statement: 'Each 2FA registration gets a fresh random secret; no two registrations share one.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1' },
    interpretation:
      'PROTOCOL.md states it without condition, after RFC 4226 §7.5 (random generation of shared secrets).',
  },
  {
    id: 'TOTP-18',
    statement:
      'After 5 free consecutive failed one-time passwords (replays count) each attempt waits 30 s after the last, doubling to 15 min; a success resets.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: One-time password generated not working' },
    interpretation:
      'PROTOCOL.md (Throttling) states the schedule without condition, after NIST SP 800-63B §5.2.2; TOTP-14 keeps the best practice of at most 100 failures.',
  },
] as const satisfies readonly Requirement[];
