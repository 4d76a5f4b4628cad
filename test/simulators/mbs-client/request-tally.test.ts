import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openRequest, rawRequest } from '../../../conformance/kit/raw-http.js';
import { requestShape, requestTally, UNPARSED_SHAPE } from '../../../simulators/mbs-client/request-tally.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

// The tally is switched on when its module loads, so before the imports above (it prints its counts at exit).
vi.hoisted(() => {
  process.env.MBSC_REQUEST_TALLY = '1';
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => t.close());

/** How many requests of `shape` were counted while `act` ran. */
async function countedDuring(shape: string, act: () => Promise<unknown>): Promise<number> {
  const before = requestTally()?.get(shape) ?? 0;
  await act();
  return (requestTally()?.get(shape) ?? 0) - before;
}

describe('request tally', () => {
  it('names a request by its method and route, ids and query left out', () => {
    expect(requestShape('GET', '/v1/items?limit=1000&cursor=abc')).toBe('GET /v1/items');
    expect(requestShape('GET', `/v1/items/${'a'.repeat(64)}/content`)).toBe('GET /v1/items/:id/content');
    expect(requestShape('PATCH', '/v1/uploads/u7')).toBe('PATCH /v1/uploads/:id');
    expect(requestShape('POST', '/v1/console/pairings')).toBe('POST /v1/console/pairings');
  });

  it('names a request without a method or a path as unparsed', () => {
    expect(requestShape('', '/v1/info')).toBe(UNPARSED_SHAPE);
    expect(requestShape('GET', '')).toBe(UNPARSED_SHAPE);
  });

  it('counts the requests the protocol client sends', async () => {
    expect(await countedDuring('GET /v1/info', () => t.console.call('getInfo'))).toBe(1);
  });

  it('counts a request written by hand once, as node:http writes it, chunked body included', async () => {
    const shape = 'POST /v1/uploads/:id';
    const sent = await countedDuring(shape, async () => {
      const answer = await rawRequest(t.server.url, {
        method: 'post',
        path: `/v1/uploads/${'f'.repeat(32)}?x=1`,
        headers: { 'content-type': 'application/json' },
        body: '{"not": "an upload"}',
        chunked: true,
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
    });
    expect(sent).toBe(1);
  });

  it('counts a request whose body is cut off on purpose, and not a request node:http refuses to write', async () => {
    const cut = await countedDuring('PUT /v1/uploads/:id', async () => {
      const request = openRequest(t.server.url, {
        method: 'PUT',
        path: `/v1/uploads/${'e'.repeat(32)}`,
        body: 'abcd',
        announced: 100,
      });
      await new Promise((resolve) => request.once('socket', resolve));
      request.destroy();
    });
    expect(cut).toBe(1);
    const total = (): number => [...(requestTally()?.values() ?? [])].reduce((n, c) => n + c, 0);
    const before = total();
    await expect(rawRequest(t.server.url, { method: 'GET', path: '/v1/info\nX' })).rejects.toThrow();
    expect(total()).toBe(before);
  });
});
