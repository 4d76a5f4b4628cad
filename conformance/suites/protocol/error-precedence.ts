/**
 * PROTOCOL.md "Which error comes first": a request with several faults gets the error of the first one, in the
 * order route, edition, authentication, body syntax, schema, then the route's own rules (not-found before the rest).
 * Each probe pairs two faults and names the one that must win.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { errorCodeOf, rawRequest, type RawCall } from '../../kit/raw-http.js';
import { pairDevice, removeQuietly } from '../../kit/server-support.js';
import type { ErrorCode } from '../../spec/errors.js';
import type { TargetSession } from '../../targets/target.js';

interface Probe {
  readonly what: string;
  readonly call: RawCall;
  readonly wins: ErrorCode;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const NOT_AN_UPLOAD = JSON.stringify({ backupId: 'no such job!', sha256: 'zz', size: -1, meta: {} });

function probes(session: TargetSession, deviceKey: string): Probe[] {
  const device = { authorization: `Bearer ${deviceKey}` };
  const desk = { 'x-mbs-console-key': session.console?.consoleKey ?? '' };
  return [
    {
      what: 'an unknown path, unauthenticated',
      call: { method: 'POST', path: '/v1/no-such-route', headers: JSON_TYPE, body: '{' },
      wins: 'route-not-found',
    },
    {
      what: 'a known path with another method, unauthenticated',
      call: { method: 'DELETE', path: '/v1/backups' },
      wins: 'method-not-allowed',
    },
    {
      what: 'no device key and a body that is not JSON',
      call: { method: 'POST', path: '/v1/uploads', headers: JSON_TYPE, body: '{' },
      wins: 'device-unauthorized',
    },
    {
      what: 'a wrong device key and a body of the wrong content type',
      call: { method: 'POST', path: '/v1/uploads', headers: { authorization: 'Bearer AbCdEfGh12345678' }, body: 'x' },
      wins: 'device-unauthorized',
    },
    {
      what: 'no console key, a device that does not exist and an invalid name',
      call: { method: 'PATCH', path: '/v1/console/devices/nope', headers: JSON_TYPE, body: '{"name":""}' },
      wins: 'console-unauthorized',
    },
    {
      what: 'a body of the wrong content type that would break the schema too',
      call: {
        method: 'POST',
        path: '/v1/uploads',
        headers: { ...device, 'content-type': 'text/plain' },
        body: NOT_AN_UPLOAD,
      },
      wins: 'unsupported-media-type',
    },
    {
      what: 'a body that is not JSON, for a job that does not exist',
      call: { method: 'POST', path: '/v1/uploads', headers: { ...device, ...JSON_TYPE }, body: '{"backupId":' },
      wins: 'invalid-json',
    },
    {
      what: 'a body that breaks the schema, naming a job that does not exist',
      call: { method: 'POST', path: '/v1/uploads', headers: { ...device, ...JSON_TYPE }, body: NOT_AN_UPLOAD },
      wins: 'invalid-request',
    },
    {
      what: 'an unknown device with a body that breaks the schema',
      call: { method: 'PATCH', path: '/v1/console/devices/nope', headers: { ...desk, ...JSON_TYPE }, body: '{"x":1}' },
      wins: 'invalid-request',
    },
    {
      what: 'an unknown device with a valid body',
      call: {
        method: 'PATCH',
        path: '/v1/console/devices/nope',
        headers: { ...desk, ...JSON_TYPE },
        body: '{"name":"Ok"}',
      },
      wins: 'device-not-found',
    },
  ];
}

export const errorPrecedenceCheck: Check = {
  id: 'protocol-error-precedence',
  title: 'Several faults in one request: route, then authentication, then body syntax, schema, and not-found',
  area: 'NET',
  requirements: ['NET-14'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const paired = await pairDevice(session, 'Precedence probe');
    try {
      return await checkOnce(async () => {
        for (const probe of probes(session, paired.client.deviceKey ?? '')) {
          const answer = await rawRequest(session.url, probe.call);
          const code = errorCodeOf(answer);
          if (code !== probe.wins) {
            throw new Error(
              `${probe.what} (${probe.call.method} ${probe.call.path}): answered ${answer.status} ${code ?? ''}, ` +
                `expected ${probe.wins}`,
            );
          }
        }
      });
    } finally {
      await removeQuietly(session, [paired.deviceId]);
    }
  },
};
