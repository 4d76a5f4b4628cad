/**
 * Requests the MbsClient would never build (garbage bodies, missing or chunked lengths, odd methods), sent over a
 * fresh connection each so that one broken request cannot leave bytes behind for the next; and the check that an
 * error answer is what protocol v1 says every error is.
 */
import Value from 'typebox/value';
import { ERRORS, isErrorCode, type ErrorBody } from '../../conformance/spec/errors.js';
import { ErrorResponse } from '../../conformance/spec/protocol/common.js';

// The raw request is the conformance suites' own; tests add what only they need.
import { rawRequest, type RawAnswer, type RawCall } from '../../conformance/kit/raw-http.js';

export { rawRequest, type RawAnswer, type RawCall };

/** A JSON body with its content type. */
export function jsonBody(value: unknown): Pick<RawCall, 'headers' | 'body'> {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/**
 * The answer's error body, or an Error saying how it breaks the protocol: it must be `{ code, message, details? }`
 * with a catalogued code, sent with the status the catalogue gives that code.
 */
export function errorOf(answer: RawAnswer): ErrorBody {
  const text = answer.body.toString('utf8');
  if (answer.status < 400) throw new Error(`expected an error, got ${answer.status}: ${text.slice(0, 300)}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`status ${answer.status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  const extra = keys.filter((key) => !['code', 'message', 'details'].includes(key));
  if (!Value.Check(ErrorResponse, value) || !isErrorCode((value as { code?: unknown }).code) || extra.length > 0) {
    throw new Error(`status ${answer.status} without a catalogued error body: ${text.slice(0, 300)}`);
  }
  const body = value as ErrorBody;
  if (ERRORS[body.code].status !== answer.status) {
    throw new Error(`${body.code} came with status ${answer.status}; the catalogue says ${ERRORS[body.code].status}`);
  }
  return body;
}
