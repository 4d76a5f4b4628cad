import { MbsError } from '../spec/errors.js';

/**
 * Requests sent at once, where the documents say only one may take (a one-time secret, a single-use token): one
 * after another each sees the write of the one before, so only requests at once show a server that checks, awaits
 * its database, then writes. A handful is enough for two to meet between a check and its write.
 */
export const AT_ONCE = 4;

/**
 * Requests at once that the kit got no answer to (a lost connection, a time-out): thrown as they are, once what the
 * answers already show was judged, since the missing answer may be the one the document asks for.
 */
export function unanswered(answers: readonly PromiseSettledResult<unknown>[]): void {
  const lost = answers.find((a) => a.status === 'rejected' && !(a.reason instanceof MbsError));
  if (lost?.status === 'rejected') throw lost.reason;
}
