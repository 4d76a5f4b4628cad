/**
 * The error contract (PROTOCOL.md "Conventions", conformance/spec/errors.ts), as a property over generated bad
 * requests: nothing is ever answered 5xx; every 4xx is `{ code, message, details? }` (more keys allowed) with a
 * catalogued code sent with the catalogue's status; on a route of the table the code is one that route lists or one any route may
 * answer (shape, authentication, edition). Afterwards the server still answers.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import { ROUTES, type RouteSpec } from '../../spec/protocol/routes.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { badRequest, cutOffJsonBodies, GENERIC_CODES, type BadRequest } from './bad-requests.js';
import { errorBodyProblem, errorCodeOf, rawRequest, type RawCall } from '../../kit/raw-http.js';
import { pairDevice, removeQuietly } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';

function toCall(request: BadRequest, session: TargetSession, deviceKey: string | undefined): RawCall {
  const headers: Record<string, string> = { ...request.headers };
  if (request.device === 'own' && deviceKey) headers.authorization = `Bearer ${deviceKey}`;
  if (request.device === 'garbage') headers.authorization = 'Bearer AbCdEfGh12345678AbCdEfGh';
  const consoleKey = session.console?.consoleKey;
  if (request.console === 'valid' && consoleKey) headers['x-mbs-console-key'] = consoleKey;
  if (request.console === 'garbage') headers['x-mbs-console-key'] = 'not-the-key';
  if (request.contentType) headers['content-type'] = request.contentType;
  return {
    method: request.method,
    path: request.path,
    headers,
    ...(request.body !== undefined ? { body: request.body, chunked: request.chunked } : {}),
    timeoutMs: 10_000,
  };
}

/** Why an answer to a bad request breaks the contract, or undefined. */
function problemOf(
  request: BadRequest,
  status: number,
  code: string | undefined,
  bodyProblem?: string,
): string | undefined {
  if (status >= 500) return `answered ${status}${code ? ` ${code}` : ''}: no input may cause a 5xx`;
  // A HEAD answer has no body by HTTP's rules; only its status can be judged.
  if (request.method === 'HEAD' || status < 400) return undefined;
  if (bodyProblem) return bodyProblem;
  const spec: RouteSpec | undefined = request.route ? ROUTES[request.route] : undefined;
  if (
    spec &&
    request.method === spec.method &&
    code &&
    !GENERIC_CODES.has(code) &&
    !spec.errors.includes(code as never)
  ) {
    return `${code} is not an error ${request.route} can answer (it lists ${spec.errors.join(', ')})`;
  }
  return undefined;
}

export const errorsConformanceCheck: Check = {
  id: 'protocol-errors-catalogued',
  title: 'Bad requests get a catalogued { code, message } with the catalogue’s status, never a 5xx',
  area: 'NET',
  requirements: ['NET-11'],
  scope: 'server',
  async run(context: CheckContext) {
    const { session } = context;
    const paired = session.console ? await pairDevice(session, 'Error probe') : undefined;
    const judge = async (request: BadRequest) => {
      const answer = await rawRequest(session.url, toCall(request, session, paired?.client.deviceKey));
      return problemOf(request, answer.status, errorCodeOf(answer), errorBodyProblem(answer));
    };
    const where = (request: BadRequest) => `${request.method} ${request.path.slice(0, 120)}`;
    try {
      for (const request of cutOffJsonBodies()) {
        const problem = await judge(request);
        if (problem) throw new Violation(['NET-11'], `${where(request)} with a body cut off mid-JSON: ${problem}`);
      }
      const property = fc.asyncProperty(badRequest(), async (request) => {
        const problem = await judge(request);
        if (problem) throw new Error(`${where(request)}: ${problem}`);
      });
      // One request per case: cheap, so three cases per run.
      const outcome = await checkProperty(property, context, context.runs * 3);
      if (outcome.verdict === 'pass') await new MbsClient({ baseUrl: session.url, timeoutMs: 5_000 }).call('getInfo');
      return outcome;
    } finally {
      if (paired) await removeQuietly(session, [paired.deviceId]);
    }
  },
};
