/**
 * PROTOCOL.md "Bodies": a route whose body schema is the empty object still takes a JSON body, `{}`. Without a body
 * or content type the request is `415 unsupported-media-type`; with the JSON type and no bytes, `400 invalid-json`;
 * with an unknown key, `400 invalid-request`; `{}` starts the job.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { errorCodeOf, rawRequest } from '../../kit/raw-http.js';
import { pairDevice, removeQuietly } from '../../kit/server-support.js';
import type { ErrorCode } from '../../spec/errors.js';

const CASES: readonly { what: string; headers: Record<string, string>; body?: string; wins: ErrorCode | 201 }[] = [
  { what: 'no body and no content type', headers: { 'content-length': '0' }, wins: 'unsupported-media-type' },
  {
    what: 'the JSON type and no bytes',
    headers: { 'content-type': 'application/json' },
    body: '',
    wins: 'invalid-json',
  },
  { what: 'an unknown key', headers: { 'content-type': 'application/json' }, body: '{"x":1}', wins: 'invalid-request' },
  { what: '{}', headers: { 'content-type': 'application/json' }, body: '{}', wins: 201 },
];

export const emptyBodiesCheck: Check = {
  id: 'protocol-empty-bodies',
  title: 'A POST whose body schema is empty takes {} as JSON; no body at all is 415, an empty JSON body 400',
  area: 'NET',
  requirements: ['NET-13'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const paired = await pairDevice(session, 'Empty body probe');
    try {
      return await checkOnce(async () => {
        for (const c of CASES) {
          const answer = await rawRequest(session.url, {
            method: 'POST',
            path: '/v1/backups',
            headers: { authorization: `Bearer ${paired.client.deviceKey ?? ''}`, ...c.headers },
            ...(c.body !== undefined ? { body: c.body } : {}),
          });
          const got = answer.status === 201 ? 201 : errorCodeOf(answer);
          if (got !== c.wins) {
            throw new Error(
              `POST /v1/backups with ${c.what}: answered ${answer.status} ${got ?? ''}, expected ${c.wins}`,
            );
          }
        }
      });
    } finally {
      await removeQuietly(session, [paired.deviceId]);
    }
  },
};
