/** Push approval of a login (seed 000 §2.4, §6.4.4, §11.2, Appendix A; seed 001). */
import type { Requirement } from './types.js';

export const PUSH_REQUIREMENTS = [
  {
    id: 'PUSH-01',
    statement:
      'Choosing push approval sends a request to the app on the chosen registered device, where the user can accept or reject it.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
  },
  {
    id: 'PUSH-02',
    statement: 'The server lists one push option per registered device and names the device in it.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
    interpretation: 'From the seed’s option "Approve request in Authenticator App from "Redmi"".',
  },
  {
    id: 'PUSH-03',
    statement: 'Accepting a live push request logs the desktop program in.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
  },
  {
    id: 'PUSH-04',
    statement: 'A push request lives 5 minutes from sending; after that it can no longer be accepted.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Unable to accept notification request' },
    interpretation: 'DESIGN.md: the seed’s "5-minute grace period" runs from sending.',
  },
  {
    id: 'PUSH-05',
    statement:
      'The server’s waiting screen counts down the remaining lifetime of the push request, starting from 5 minutes.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.2' },
    interpretation:
      'The seed shows "Waiting for response (00:04:27)"; the countdown is read as the request’s remaining lifetime.',
  },
  {
    id: 'PUSH-06',
    statement:
      'Rejecting a push request never logs in; the server then offers Resend and "Authenticate with one-time password".',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Rejected notification request' },
  },
  {
    id: 'PUSH-07',
    statement: 'Resend sends a new push request and voids the earlier one, which can no longer be accepted.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Unable to accept notification request' },
    interpretation: 'DESIGN.md: Resend makes a new request and voids the old one.',
  },
  {
    id: 'PUSH-08',
    statement:
      'A device with no network connection gets no push request, and the user can still resend or use a one-time password.',
    level: 'MUST',
    appliesTo: ['server', 'app', 'android', 'ios', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Unable to accept notification request' },
  },
  {
    id: 'PUSH-09',
    statement: 'With notifications denied to the app, a push request raises no notification on the device.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.4' },
    interpretation: 'The seed asks to allow notifications; the simulated device shows none when they are denied.',
  },
  {
    id: 'PUSH-10',
    statement: 'A push request is answered once: after it was accepted or rejected, a further answer changes nothing.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
    interpretation: 'PROTOCOL.md states it without condition, after NIST SP 800-63B §5.2.8 (replay resistance).',
  },
] as const satisfies readonly Requirement[];
