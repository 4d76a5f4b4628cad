/**
 * The media type PROTOCOL.md's conventions give an answer: JSON (`application/json`, UTF-8) for every body but a
 * download's bytes (`application/octet-stream`). An answer of another type breaks the protocol however its bytes
 * read: a client that picks its parser by the header, as most do, would not read it as JSON.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type AnswerType = 'application/json' | 'application/octet-stream';

/**
 * The verdict on each Content-Type already read, by expected type: a server gives every answer one of a few, and
 * reading one again costs a split, a trim and a search per answer. Bounded, as a server may send a new one each time.
 */
const verdicts: Record<AnswerType, Map<string, string | undefined>> = {
  'application/json': new Map(),
  'application/octet-stream': new Map(),
};
const KEPT_VERDICTS = 32;

/** What is wrong with an answer's Content-Type for `expected`, or undefined when it is right. */
export function mediaTypeProblem(headers: IncomingHttpHeaders, expected: AnswerType): string | undefined {
  const given = headers['content-type'];
  if (given === undefined) return `the answer has no Content-Type, where the protocol gives ${expected}`;
  const known = verdicts[expected];
  const verdict = known.get(given);
  if (verdict !== undefined || known.has(given)) return verdict;
  const read = typeProblem(given, expected);
  if (known.size < KEPT_VERDICTS) known.set(given, read);
  return read;
}

function typeProblem(given: string, expected: AnswerType): string | undefined {
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
