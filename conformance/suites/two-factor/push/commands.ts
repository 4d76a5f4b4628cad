/**
 * The commands of the login and push model, as the arbitraries a model-based run draws from: start a login, send a
 * push request (or Resend) to one of two devices, approve or reject a request (the latest or an earlier one, by its
 * device or the other), enter a code, move the clock (most often toward 4:59.999 and 5:00.000 of the latest
 * request, else the step edges) where the server's clock can move. After each, the login as the server shows it must be in a state the model allows,
 * with the countdown and the methods it must offer.
 */
import fc from 'fast-check';
import { clockMove, codeEntry, MALFORMED_CODES } from '../common/otp-commands.js';
import { code, edge, malformed, move, type PushMove } from './code-and-clock-commands.js';
import { answer, sendPush, startLogin } from './request-commands.js';

/** The commands drawn: the clock's moves and a request's last millisecond only where the server's clock can move. */
export const pushCommands = (movable: boolean) => [
  fc.constant(startLogin),
  fc.nat({ max: 1 }).map(sendPush),
  fc
    .record({
      back: fc.oneof(fc.constant(0), fc.nat({ max: 3 })),
      byOwner: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      decision: fc.constantFrom<'approve' | 'reject'>('approve', 'reject'),
    })
    .map(answer),
  codeEntry(2).map((e) => code(e, movable)),
  fc.constantFrom(...MALFORMED_CODES).map(malformed),
  ...(movable ? clockCommands : []),
];

const clockCommands = [
  fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom<PushMove>('4:59.999 of the latest request', '5:00.000 of the latest request'),
      },
      { weight: 1, arbitrary: clockMove },
    )
    .map(move),
  fc
    .tuple(
      fc.constantFrom<'4:59.999' | '5:00.000'>('4:59.999', '5:00.000'),
      fc.constantFrom<'poll' | 'approve' | 'reject'>('poll', 'approve', 'reject'),
    )
    .map(([at, then]) => edge(at, then)),
];
