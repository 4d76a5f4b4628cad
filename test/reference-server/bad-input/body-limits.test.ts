/**
 * Bad input: a JSON body over the body limit (body-too-large), the default one on the fixture's server, and a lowered
 * one on a server of its own, sent with a length or chunked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../../reference-server/options.js';
import { errorOf, rawRequest } from '../../helpers/raw-http.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { deviceIdentity, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { asConsole, expectRefused, raw, setUpFixture, tearDownFixture } from './fixture.js';

beforeAll(setUpFixture);
afterAll(tearDownFixture);

// The describe the default limit's test had among the request-shape tests, so that its name stays the same.
describe('request shape', () => {
  it(`a JSON body over the default ${DEFAULT_BODY_LIMIT} byte limit → body-too-large`, async () => {
    const head = '{"mode":"add","pad":"';
    const body = `${head}${'a'.repeat(DEFAULT_BODY_LIMIT + 1 - head.length - 2)}"}`;
    expect(body.length).toBe(DEFAULT_BODY_LIMIT + 1);
    await expectRefused(
      'body-too-large',
      raw(
        asConsole({
          method: 'POST',
          path: '/v1/console/pairings',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      ),
    );
  });
});

describe('a server with a lowered body limit', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer('pro', { bodyLimit: 1024 });
  });
  afterAll(async () => small?.close());

  it.each([false, true])('a 2 KB JSON body (chunked: %s) → body-too-large, and nothing changes', async (chunked) => {
    const before = snapshotState(small.dataDir);
    const body = JSON.stringify({ token: 'x'.repeat(43), edition: 'pro', device: deviceIdentity('y'.repeat(2048)) });
    const answer = await rawRequest(small.server.url, {
      method: 'POST',
      path: '/v1/pair',
      headers: { 'content-type': 'application/json' },
      body,
      chunked,
    });
    expect({ status: answer.status, code: errorOf(answer).code }).toEqual({ status: 413, code: 'body-too-large' });
    expect(snapshotState(small.dataDir)).toEqual(before);
  });
});
