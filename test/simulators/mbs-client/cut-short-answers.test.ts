/**
 * An answer whose body stops before the length its headers announced is the target's doing, a protocol violation
 * the checks judge, never a kit error; an answer the kit stopped at its own deadline stays the kit's `timeout`.
 */
import { once } from 'node:events';
import { Agent } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import { classifyThrown } from '../../../conformance/runner/thrown-errors.js';
import { readAll, send } from '../../../simulators/mbs-client/http-transport.js';

const HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 11\r\n\r\n';

/** Answers /cut with 10 of the 11 bytes it announces and closes; /stall sends the same 10 bytes and waits. */
let server: Server;
const sockets = new Set<Socket>();
beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', (chunk: Buffer) => {
      socket.write(`${HEAD}0123456789`);
      if (chunk.toString('latin1').startsWith('GET /cut ')) socket.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  server.close();
});

async function bodyError(path: string, timeoutMs: number): Promise<unknown> {
  const port = (server.address() as AddressInfo).port;
  const origin = new URL(`http://127.0.0.1:${port}`);
  const answer = await send({ method: 'GET', server: origin, path, headers: {}, timeoutMs }, new Agent());
  return readAll(answer.stream).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('an answer cut short', () => {
  it('is a protocol violation of the target, which the checks judge', async () => {
    const error = await bodyError('/cut', 10_000);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('protocol-violation');
    expect((error as ClientError).message).toMatch(/^The answer ended before its whole body came/);
    expect(classifyThrown(error).kind).toBe('verdict');
  });

  it("stays the kit's timeout when the kit stopped waiting for the rest", async () => {
    const error = await bodyError('/stall', 300);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('timeout');
  });
});
