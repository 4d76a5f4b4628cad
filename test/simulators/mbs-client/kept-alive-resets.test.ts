/**
 * A server may close a kept-alive connection whenever it likes (RFC 9112 §9.6): a request the kit sends just as it
 * does is reset unanswered. A safe request without a body goes once more on a new connection (the server never saw
 * it); any other fails as unreachable, since the kit cannot know the server did not act on it.
 */
import { once } from 'node:events';
import { Agent } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeLog, recordingExchanges } from '../../../simulators/mbs-client/exchange-log.js';
import { readAll, send } from '../../../simulators/mbs-client/http-transport.js';

/** Answers the first request of each connection and closes the connection when a second one comes on it. */
let server: Server;
let connections = 0;
beforeAll(async () => {
  server = createServer((socket: Socket) => {
    connections++;
    let answered = false;
    socket.on('data', () => {
      if (answered) return void socket.destroy();
      answered = true;
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(() => void server.close());

const at = () => new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

describe('a kept-alive connection the server closed as the kit sent on it', () => {
  it('sends a GET again on a new connection, once', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = { method: 'GET', server: at(), path: '/v1/info', headers: {}, timeoutMs: 5000 };
    const before = connections;
    const first = await send(get, agent);
    expect((await readAll(first.stream)).toString()).toBe('ok');
    const second = await send(get, agent);
    expect(second.status).toBe(200);
    expect((await readAll(second.stream)).toString()).toBe('ok');
    expect(connections - before).toBe(2);
    agent.destroy();
  });

  it("records the GET sent again in its sender's exchange log, not in the one the connection was opened in", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = { method: 'GET', server: at(), path: '/v1/info', headers: {}, timeoutMs: 5000 };
    const opener = new ExchangeLog();
    const sender = new ExchangeLog();
    await recordingExchanges(opener, async () => readAll((await send(get, agent)).stream));
    await recordingExchanges(sender, async () => readAll((await send(get, agent)).stream));
    expect(opener.failing().records.map((r) => r.status)).toEqual([200]);
    const resent = sender.failing().records;
    expect(resent.map((r) => [r.status, r.error !== undefined])).toEqual([
      [undefined, true],
      [200, false],
    ]);
    agent.destroy();
  });

  it('fails a POST as unreachable, not sending it twice', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = { method: 'POST', server: at(), path: '/v1/backups', headers: {}, timeoutMs: 5000 };
    const before = connections;
    await readAll((await send(post, agent)).stream);
    await expect(send(post, agent)).rejects.toMatchObject({ code: 'unreachable' });
    expect(connections - before).toBe(1);
    agent.destroy();
  });
});

describe('a kept-alive connection reset inside an answer already begun', () => {
  it('fails the read of that answer and never sends the GET again', async () => {
    let requests = 0;
    const cutting = createServer((socket: Socket) => {
      socket.on('data', () => {
        requests++;
        if (requests === 1) return void socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
        // The second request's answer announces ten bytes, sends two, and the connection is reset.
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nok', () => socket.resetAndDestroy());
      });
    });
    cutting.listen(0, '127.0.0.1');
    await once(cutting, 'listening');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const server = new URL(`http://127.0.0.1:${(cutting.address() as AddressInfo).port}`);
    const get = { method: 'GET', server, path: '/v1/items/a/content', headers: {}, timeoutMs: 5000 };
    const log = new ExchangeLog();
    await readAll((await send(get, agent)).stream);
    const cut = await recordingExchanges(log, () => send(get, agent));
    expect(cut.status).toBe(200);
    await expect(readAll(cut.stream)).rejects.toBeDefined();
    // Long enough for a second try to reach the server, were one sent: its connection is accepted and read at once.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toBe(2);
    expect(log.failing().records).toHaveLength(1);
    agent.destroy();
    cutting.close();
  });
});
