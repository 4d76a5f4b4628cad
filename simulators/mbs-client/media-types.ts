/**
 * The media type PROTOCOL.md's conventions give an answer: JSON (`application/json`, UTF-8) for every body but a
 * download's bytes (`application/octet-stream`). An answer of another type breaks the protocol however its bytes
 * read: a client that picks its parser by the header, as most do, would not read it as JSON.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type AnswerType = 'application/json' | 'application/octet-stream';

/** What is wrong with an answer's Content-Type for `expected`, or undefined when it is right. */
export function mediaTypeProblem(headers: IncomingHttpHeaders, expected: AnswerType): string | undefined {
  const given = headers['content-type'];
  if (given === undefined) return `the answer has no Content-Type, where the protocol gives ${expected}`;
  const [type, ...parameters] = given.split(';').map((part) => part.trim().toLowerCase());
  if (type !== expected) return `the answer's Content-Type is ${JSON.stringify(given)}, not ${expected}`;
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (expected === 'application/json' && charset !== undefined && charset !== 'utf-8') {
    return `the answer's Content-Type is ${JSON.stringify(given)}: JSON in the protocol is UTF-8`;
  }
  return undefined;
}
