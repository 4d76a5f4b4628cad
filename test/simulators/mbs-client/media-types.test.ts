/**
 * The client holds every answer to the media type PROTOCOL.md gives it: JSON (UTF-8) for bodies, an octet stream for
 * a download's bytes. An answer of another type is a protocol violation, an error answer included, however well its
 * bytes parse: a server that sent JSON as text/plain passed every check before.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { mediaTypeProblem } from '../../../simulators/mbs-client/media-types.js';
import { startTestServer } from '../../helpers/test-server.js';

/** A real server's `GET /v1/info` answer, sent again with the content type under test. */
let INFO = '';
const REFUSAL = JSON.stringify({ code: 'item-not-found', message: 'No such item.' });

/** Answers as told: `type` for the content type of every answer, a refusal for item routes, bytes for downloads. */
let type: string | undefined;
let server: Server;
beforeAll(async () => {
  const reference = await startTestServer('pro');
  INFO = await (await fetch(`${reference.server.url}/v1/info`)).text();
  await reference.close();
  server = createServer((request, reply) => {
    const headers = type === undefined ? {} : { 'content-type': type };
    if (request.url?.endsWith('/content')) reply.writeHead(200, headers).end(Buffer.from([1, 2, 3]));
    else if (request.url?.startsWith('/v1/items/')) reply.writeHead(404, headers).end(REFUSAL);
    else reply.writeHead(200, headers).end(INFO);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(() => server.close());

const client = () => new MbsClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
const violation = (pattern: RegExp) =>
  expect.objectContaining({ code: 'protocol-violation', message: expect.stringMatching(pattern) });

describe("an answer's media type", () => {
  it('is read as JSON when it says application/json, in any letter case, with or without UTF-8', async () => {
    for (const given of ['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset="UTF-8"']) {
      type = given;
      await expect(client().call('getInfo')).resolves.toMatchObject({ edition: 'pro' });
    }
  });

  it('breaks the protocol as text/plain, without a type, or as JSON in another charset', async () => {
    type = 'text/plain';
    await expect(client().call('getInfo')).rejects.toEqual(
      violation(/^getInfo: the answer's Content-Type is "text\/plain", not application\/json/),
    );
    type = undefined;
    await expect(client().call('getInfo')).rejects.toEqual(violation(/has no Content-Type/));
    type = 'application/json; charset=iso-8859-1';
    await expect(client().call('getInfo')).rejects.toEqual(violation(/JSON in the protocol is UTF-8/));
  });

  it('of an error answer is held too: a refusal as text/plain is no catalogued refusal', async () => {
    type = 'application/json';
    await expect(client().call('getItem', { params: { sha256: 'a'.repeat(64) } })).rejects.toBeInstanceOf(MbsError);
    type = 'text/plain';
    await expect(client().call('getItem', { params: { sha256: 'a'.repeat(64) } })).rejects.toEqual(
      violation(/^getItem: /),
    );
  });

  it('of a download is an octet stream', async () => {
    type = 'application/octet-stream';
    await expect(client().download('a'.repeat(64))).resolves.toEqual(Buffer.from([1, 2, 3]));
    type = 'application/json';
    await expect(client().download('a'.repeat(64))).rejects.toEqual(
      violation(/^downloadItem: .* not application\/octet-stream/),
    );
  });

  it('names what it got and what it expected', () => {
    expect(mediaTypeProblem({ 'content-type': 'text/html' }, 'application/json')).toBe(
      `the answer's Content-Type is "text/html", not application/json`,
    );
    expect(
      mediaTypeProblem({ 'content-type': 'application/octet-stream' }, 'application/octet-stream'),
    ).toBeUndefined();
  });

  it('judges a type read before for each expected type alike, whatever came in between', () => {
    const verdicts = () =>
      ['application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain'].flatMap((given) =>
        (['application/json', 'application/octet-stream'] as const).map((expected) =>
          mediaTypeProblem({ 'content-type': given }, expected),
        ),
      );
    const first = verdicts();
    expect(first[0]).toBeUndefined();
    expect(first[1]).toBe(
      `the answer's Content-Type is "application/json; charset=utf-8", not application/octet-stream`,
    );
    expect(first[2]).toMatch(/JSON in the protocol is UTF-8/);
    for (let i = 0; i < 40; i += 1) mediaTypeProblem({ 'content-type': `text/x-${i}` }, 'application/json');
    expect(verdicts()).toEqual(first);
  });
});
