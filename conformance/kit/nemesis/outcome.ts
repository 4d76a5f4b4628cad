/**
 * How an operation ended, as a history records it: `fail` only when the server answered that it did not do it (a
 * 4xx with its code); a cut connection, a timeout, a server error or an answer the kit could not read leaves it
 * unknown (`info`): the server may have done it.
 */
import { MbsError } from '../../spec/errors.js';

export function outcomeOf(error: unknown): 'fail' | 'info' {
  return error instanceof MbsError && error.status < 500 ? 'fail' : 'info';
}
