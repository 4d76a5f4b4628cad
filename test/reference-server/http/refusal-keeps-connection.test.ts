/**
 * A refusal of a request read to its end keeps the connection open: only a failure before a body was all read
 * closes it (error-handler.ts), and a request without a body leaves none behind, whichever step refuses it: a hook,
 * a service that answers at once from within Fastify's call (where such a request is not yet complete), or one that
 * answers later.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => {
  await t?.close();
});

interface Answer {
  readonly status: number;
  readonly connection: string | undefined;
  readonly reusedSocket: boolean;
}

function send(agent: http.Agent, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(new URL(path, t.server.url), { method, headers, agent }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          reusedSocket: request.reusedSocket,
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('a refusal of a whole request', () => {
  it('keeps the connection open, with or without a body', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const key = { 'x-mbs-console-key': t.server.consoleKey };
    try {
      const answers = [
        await send(agent, 'GET', '/v1/info', {}),
        // The service refuses at once: no such pairing, no such device.
        await send(agent, 'GET', '/v1/console/pairings/no-such-pairing', key),
        await send(agent, 'GET', '/v1/console/devices/no-such-device/items', key),
        await send(
          agent,
          'PATCH',
          '/v1/console/devices/no-such-device',
          { ...key, 'content-type': 'application/json' },
          '{"name":"phone"}',
        ),
        // Refused by a hook before the handler (no such device key, no console key) and by a service that answers
        // later (a removal).
        await send(agent, 'GET', '/v1/items', { authorization: 'Bearer no-such-device-key' }),
        await send(agent, 'DELETE', '/v1/console/devices/no-such-device', {}),
        await send(agent, 'DELETE', '/v1/console/devices/no-such-device', key),
        await send(agent, 'GET', '/v1/info', {}),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 404, 404, 404, 401, 401, 404, 200]);
      for (const answer of answers) expect(answer.connection).toBe('keep-alive');
      expect(answers.slice(1).every((answer) => answer.reusedSocket)).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
