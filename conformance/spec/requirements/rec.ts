/** Recovery when the user cannot log in: SMS recovery, re-pairing, resetting 2FA (seed 000 §6.3.1, Appendix A; seed 002). */
import type { Requirement } from './types.js';

const UNABLE = 'Appendix A: Unable to accept notification request';

export const REC_REQUIREMENTS = [
  {
    id: 'REC-01',
    statement:
      '"Unable to login" offers Previous, back to the choice of method, or recovery for a user without any authenticator app.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
  },
  {
    id: 'REC-02',
    statement:
      'Recovery starts with choosing the registered 2FA device to recover, which the server says will be discarded afterwards.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
  },
  {
    id: 'REC-03',
    statement:
      'The phone step shows the last two digits of the registered recovery phone and asks for the country code and the number.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
  },
  {
    id: 'REC-04',
    statement: 'A phone number other than the registered recovery number gets no SMS code.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    interpretation:
      'The seed asks for "the registered recovery phone number"; any other number is refused without sending.',
  },
  {
    id: 'REC-05',
    statement:
      'The SMS code has the shape ABCD-123456: the server shows the four letters and the user types the six digits.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    interpretation: 'DESIGN.md, from the seed’s "DTSU-482110" and its prompt "DTSU - (00:04:32)".',
  },
  {
    id: 'REC-06',
    statement:
      'The SMS code is valid for 5 minutes from sending, the screen counts that time down, and afterwards the code is refused.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    interpretation: 'DESIGN.md: SMS codes are valid 5 minutes.',
  },
  {
    id: 'REC-07',
    statement: '"Resend SMS Verification code" sends a new code, and the earlier code is no longer accepted.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    interpretation: 'The seed shows the link only; voiding the earlier code mirrors DESIGN.md’s rule for push Resend.',
  },
  {
    id: 'REC-08',
    statement:
      'After a valid SMS code, the server shows a QR code to pair the app again, with a secret-key alternative.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
  },
  {
    id: 'REC-09',
    statement:
      'When recovery completes, the chosen device is discarded: it gets no more push requests and its one-time passwords are refused.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    interpretation:
      '"It will be discarded after recovery is completed" is read as removing the device from the 2FA list entirely.',
  },
  {
    id: 'REC-10',
    statement: 'Recovery by SMS is possible only for a user who registered a recovery phone number.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.3.1: Push Notification and TOTP' },
  },
  {
    id: 'REC-11',
    statement: 'An administrator can reset a user’s 2FA, after which the user sets 2FA up again with a new device.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'What if: lost device' },
  },
  {
    id: 'REC-12',
    statement: 'Resetting 2FA from the login page needs a valid one-time code; with a wrong code 2FA stays as it was.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'What if: change device' },
  },
  {
    id: 'REC-13',
    statement:
      'The typed part of an SMS or e-mail verification code has at least 20 bits of randomness (six random digits have about 20).',
    level: 'ADVISORY',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    reference: 'NIST SP 800-63B §5.1.3.2',
  },
  {
    id: 'REC-14',
    statement: 'An SMS or e-mail verification code is accepted at most once.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    interpretation: 'PROTOCOL.md states it without condition, after NIST SP 800-63B §5.2.8 (replay resistance).',
  },
  {
    id: 'REC-15',
    statement: 'The server limits consecutive failed verification code attempts on an account to at most 100.',
    level: 'ADVISORY',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    reference: 'NIST SP 800-63B §5.2.2',
  },
  {
    id: 'REC-16',
    statement:
      'Wrong SMS codes of Unable to login are throttled: 5 consecutive failures free, then each attempt waits 30 s after the last failure, doubling; a success resets.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    interpretation:
      'PROTOCOL.md (Throttling) states the schedule for every kind of guess, after NIST SP 800-63B §5.2.2.',
  },
  {
    id: 'REC-17',
    statement:
      'At most 5 SMS or e-mail codes go out per login step or recovery phone within any 10 minutes, Resend included; one more is refused 429 send-limited, sending nothing.',
    level: 'ADVISORY',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: UNABLE },
    reference: 'NIST SP 800-63B §5.2.2 (rate limiting)',
    interpretation:
      'Best practice beyond the seeds, which say nothing of how often a code may be sent: PROTOCOL.md (Send limit) states the limit without condition.',
  },
] as const satisfies readonly Requirement[];
