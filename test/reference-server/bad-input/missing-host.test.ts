/**
 * Bad input below the client's reach: an HTTP/1.1 request without a Host header, written on a raw socket (every
 * HTTP client adds one). The server answers it like any bad request, with the catalogue's `{code, message}`, and
 * keeps serving.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type RawAnswer } from '../../helpers/raw-http.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => t.close());

/** Writes `request` as is and reads the answer until the server closes the connection. */
function sendRaw(url: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // Written, not ended: the request asks the server to close (Connection: close, or HTTP/1.0) once it answered.
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks);
      const split = text.indexOf('\r\n\r\n');
      const head = text.subarray(0, split).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const headers = Object.fromEntries(
        head
          .split('\r\n')
          .slice(1)
          .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status, headers, body: text.subarray(split + 4) } as RawAnswer);
    });
  });
}

describe('a request without a Host header', () => {
  it("gets 400 invalid-request with the catalogue's body, and the server still answers", async () => {
    const answer = await sendRaw(t.server.url, 'GET /v1/info HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('invalid-request');
    const info = await t.console.call('getInfo');
    expect(info.protocol).toBe(1);
  });

  it('is served when it is HTTP/1.0, which has no Host header', async () => {
    const answer = await sendRaw(t.server.url, 'GET /v1/info HTTP/1.0\r\n\r\n');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ protocol: 1 });
  });
});
