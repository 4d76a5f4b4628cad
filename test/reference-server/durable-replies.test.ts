/**
 * The server answers nothing before what it committed is synced: two requests that wrote concurrently get no
 * answer until their shared sync finishes, and a failed sync turns both answers into `internal-error`. Real HTTP on
 * 127.0.0.1, with a sync the test finishes or fails by hand in place of the WAL's fsync.
 */
import { request } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { holdRepliesUntilDurable } from '../../reference-server/http/durable-replies.js';
import { GroupCommit } from '../../reference-server/storage/group-commit.js';

interface Harness {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly syncs: { finish: () => void; fail: (error: Error) => void }[];
  readonly group: GroupCommit;
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.app.close();
  harness = undefined;
});

/** `POST /write` bumps the write level as a commit would; `GET /read` writes nothing. */
async function start(): Promise<Harness> {
  let level = 0;
  const syncs: Harness['syncs'] = [];
  const group = new GroupCommit(
    () => new Promise<void>((finish, fail) => syncs.push({ finish, fail })),
    () => level,
  );
  const app = Fastify();
  holdRepliesUntilDurable(app, { pending: () => group.pending(), flush: () => group.flush() });
  app.post('/write', async () => {
    level += 1;
    return { written: level };
  });
  app.get('/read', async () => ({ level }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, syncs, group };
}

function call(url: string, method: string) {
  const answer = { status: 0, body: '', arrived: false };
  const done = new Promise<typeof answer>((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        Object.assign(answer, { status: res.statusCode ?? 0, body, arrived: true });
        resolve(answer);
      });
    });
    req.on('error', reject);
    req.end();
  });
  return { answer, done };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('replies held until durable', () => {
  it('answers two concurrent writes only after their shared sync finishes', async () => {
    harness = await start();
    const h = harness;
    h.group.flush().catch(() => undefined); // the start-up state: synced once, nothing pending
    await until(() => h.syncs.length === 1);
    h.syncs[0]?.finish();
    await until(() => !h.group.pending());

    const first = call(`${h.url}/write`, 'POST');
    const second = call(`${h.url}/write`, 'POST');
    await until(() => h.syncs.length >= 2);
    // Give the server every chance to answer early: it must not.
    await new Promise((r) => setTimeout(r, 100));
    expect(first.answer.arrived || second.answer.arrived).toBe(false);
    for (let i = 1; i < 10 && !(first.answer.arrived && second.answer.arrived); i++) {
      await until(() => h.syncs.length > i);
      h.syncs[i]?.finish();
      await new Promise((r) => setTimeout(r, 20));
    }
    const answers = await Promise.all([first.done, second.done]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // One sync for both writes, or two when the second write came after the first sync had begun; never more.
    expect(h.group.syncs - 1).toBeLessThanOrEqual(2);
  });

  it('answers internal-error to both writers when their sync fails, and to every writer after', async () => {
    harness = await start();
    const h = harness;
    const first = call(`${h.url}/write`, 'POST');
    const second = call(`${h.url}/write`, 'POST');
    await until(() => h.syncs.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    h.syncs[0]?.fail(new Error('EIO'));
    const answers = await Promise.all([first.done, second.done]);
    for (const answer of answers) {
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'internal-error' });
      expect(answer.body).not.toContain('written');
    }
    const later = await call(`${h.url}/read`, 'GET').done;
    expect(later.status).toBe(500);
    expect(h.syncs).toHaveLength(1);
  });

  it('answers a read at once when nothing is waiting to be synced', async () => {
    harness = await start();
    const h = harness;
    const write = call(`${h.url}/write`, 'POST');
    await until(() => h.syncs.length === 1);
    h.syncs[0]?.finish();
    await write.done;
    const read = await call(`${h.url}/read`, 'GET').done;
    expect(read.status).toBe(200);
    expect(h.syncs).toHaveLength(1);
  });
});
