/**
 * The exchanges of a failing attempt as the summary keeps them: secrets masked, each body shown as text (JSON
 * compacted) and cut in its middle to BODY_CHARS, saying how much was cut; a binary or streamed body by its size.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Attempt, BodyRecord, ExchangeRecord } from '../../simulators/mbs-client/exchange-log.js';
import { trimMiddle } from '../kit/trim-middle.js';
import type { Exchange, Failure } from './summary-schema.js';
import { maskHeader, maskInText, maskJson } from './secret-masking.js';

/** About 2 KB of a body: the start and the end of it, which is where an answer's shape and its last field are. */
export const BODY_CHARS = 2048;

/** Headers every exchange has, which say nothing about a finding. */
const NOISE = ['host', 'connection', 'keep-alive', 'date'];

export function shownExchanges(attempt: Attempt): Pick<Failure, 'exchanges' | 'earlierExchanges'> {
  if (attempt.records.length === 0) return {};
  return {
    exchanges: attempt.records.map(shownExchange),
    ...(attempt.earlier > 0 ? { earlierExchanges: attempt.earlier } : {}),
  };
}

export function shownExchange(record: ExchangeRecord): Exchange {
  const requestBody = record.requestBody && bodyText(record.requestBody);
  const responseBody = record.responseBody && bodyText(record.responseBody);
  return {
    method: record.method,
    path: maskInText(record.target),
    ...(record.status !== undefined ? { status: record.status } : {}),
    ...(record.error !== undefined ? { error: record.error } : {}),
    requestHeaders: shownHeaders(record.requestHeaders),
    ...(requestBody ? { requestBody } : {}),
    ...(record.responseHeaders ? { responseHeaders: shownHeaders(record.responseHeaders) } : {}),
    ...(responseBody ? { responseBody } : {}),
  };
}

function shownHeaders(headers: IncomingHttpHeaders | Readonly<Record<string, string>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOISE.includes(name.toLowerCase())) continue;
    shown[name.toLowerCase()] = maskHeader(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  return shown;
}

/** A body as text, or undefined for an empty one. */
export function bodyText(body: BodyRecord): string | undefined {
  if (body.streamed) return `(a streamed body of ${body.size < 0 ? 'unknown size' : `${body.size} bytes`})`;
  if (body.size === 0) return undefined;
  const text = body.head.toString('utf8');
  const whole = body.head.length === body.size;
  // Invalid UTF-8 decodes to U+FFFD, and control characters do not occur in text bodies: both say binary. (A head
  // cut from a longer body may end inside a character.)
  const probe = whole ? text : text.slice(0, -2);
  // eslint-disable-next-line no-control-regex
  if (probe.includes('\uFFFD') || /[\u0000-\u0008\u000E-\u001F]/.test(probe))
    return `(${body.size} bytes of binary data)`;
  const shown = trimMiddle(whole ? maskedJsonOrText(text) : maskInText(text), BODY_CHARS);
  return whole ? shown : `${shown} …[${body.size - body.head.length} more bytes not kept]`;
}

function maskedJsonOrText(text: string): string {
  try {
    return JSON.stringify(maskJson(JSON.parse(text)));
  } catch {
    return maskInText(text);
  }
}
