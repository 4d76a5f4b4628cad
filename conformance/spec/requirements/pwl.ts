/** The desktop program's password lock and its recovery by e-mail (seed 000 Appendix A; seed 001). */
import type { Requirement } from './types.js';

const FORGOT = 'Appendix A: Password Lock forgot password';

export const PWL_REQUIREMENTS = [
  {
    id: 'PWL-01',
    statement:
      'With password lock on, the desktop program asks for its password before anything else, and a wrong password does not open it.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
  },
  {
    id: 'PWL-02',
    statement: 'The password screen offers a "Forgot password" link.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
  },
  {
    id: 'PWL-03',
    statement: 'Forgot password asks for the e-mail address of the license and sends a verification code to it.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
    interpretation:
      'The address is the license’s with its domain in any case (a domain name is case-insensitive, RFC 5321 §2.4): ' +
      'typed with its domain in capitals it gets the code, and the e-mail may go to it as set or as typed.',
  },
  {
    id: 'PWL-04',
    statement: 'An e-mail address other than the license’s gets no verification code.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
    interpretation:
      'The seed asks for "the email address used for the license"; any other address is refused without sending.',
  },
  {
    id: 'PWL-05',
    statement:
      'The e-mail code has the shape ABCD-123456: the server shows the four letters and the user types the six digits.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
    interpretation: 'DESIGN.md, from the seed’s "YIVM-184135" and its prompt "YIVM - (23:13:59)".',
  },
  {
    id: 'PWL-06',
    statement:
      'The e-mail code is valid for 24 hours less one second (sent 14:22:35, it expires 14:22:34 next day) and is refused afterwards.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
    interpretation: 'DESIGN.md: e-mail codes are valid 24 hours less one second, from the seed’s dates.',
  },
  {
    id: 'PWL-07',
    statement: 'The recovery e-mail states the date and time at which the code expires.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
  },
  {
    id: 'PWL-08',
    statement: 'The code entry screen counts down the code’s remaining validity.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
    interpretation: 'The seed shows "(23:13:59)" beside the code field; it is read as the time left before expiry.',
  },
  {
    id: 'PWL-09',
    statement: 'After a valid code the user sets a new password typed twice; two entries that differ are refused.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
  },
  {
    id: 'PWL-10',
    statement: 'After the reset, the new password opens the desktop program and the old one no longer does.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
  },
  {
    id: 'PWL-11',
    statement: 'The password lock refuses a new password shorter than 8 characters.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
    interpretation: 'PROTOCOL.md states it without condition, after NIST SP 800-63B §5.1.1.2.',
  },
  {
    id: 'PWL-12',
    statement: 'The server limits consecutive failed password lock attempts.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
    interpretation: 'PROTOCOL.md states it without condition, after NIST SP 800-63B §5.1.1.2 and §5.2.2.',
  },
  {
    id: 'PWL-13',
    statement:
      'Wrong e-mail codes of Forgot password are throttled: 5 consecutive failures free, then each attempt waits 30 s after the last failure, doubling; a success resets.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: FORGOT },
    interpretation:
      'PROTOCOL.md (Throttling) states the schedule for every kind of guess, after NIST SP 800-63B §5.2.2.',
  },
  {
    id: 'PWL-14',
    statement:
      'The recovery e-mail’s subject is "Recover Password Lock for <product edition>"; its body asks to enter the code there "to continue the recovery process".',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Password Lock forgot password' },
    interpretation:
      'The product name is the vendor’s own (the seed’s is CloudBacko): the kit asks for the edition at the end of the subject and the same name in the body.',
  },
  {
    id: 'PWL-15',
    statement:
      'After Forgot password the desktop says "Verification code has been sent to" the license’s e-mail address.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Password Lock forgot password' },
  },
  {
    id: 'PWL-16',
    statement: 'The recovery e-mail comes from the password-lock notification sender ("From: PNS").',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Password Lock forgot password' },
  },
] as const satisfies readonly Requirement[];
