/**
 * The console page's notice of changes (GET /console/changes): it takes the console key, answers at once without a
 * version or with a stale one, and otherwise as soon as a request that may write has been answered, from any
 * client; reads do not count; a closing server answers the notices still waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => {
  await t?.close();
});

const changes = async (since?: number, key = t.server.consoleKey) => {
  const query = since === undefined ? '' : `?since=${since}`;
  const answer = await fetch(`${t.server.url}/console/changes${query}`, { headers: { 'x-mbs-console-key': key } });
  return { status: answer.status, body: (await answer.json()) as { version: number } };
};

/** Whether `promise` settles within a moment: long enough for a loopback answer, far below the notice's wait. */
const settlesSoon = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 500))]);

describe('the console notice of changes', () => {
  it('takes the console key', async () => {
    const refused = await changes(undefined, 'not the key');
    expect(refused.status).toBe(401);
  });

  it('answers at once without a version or with another, else once a write is answered', async () => {
    const { body } = await changes();
    expect((await changes(body.version - 1)).body).toEqual(body);
    const waiting = changes(body.version);
    await t.console.call('getInfo');
    await t.console.call('listDevices');
    expect(await settlesSoon(waiting)).toBe(false);
    const phone = await t.pairDevice();
    expect(await settlesSoon(waiting)).toBe(true);
    const woken = await waiting;
    expect(woken.status).toBe(200);
    expect(woken.body.version).toBeGreaterThan(body.version);
    // A phone's own write counts as much as the console's.
    const next = changes(woken.body.version);
    await phone.call('startBackup', { body: {} });
    expect((await next).body.version).toBeGreaterThan(woken.body.version);
  });

  it('answers the notices still waiting when the server closes', async () => {
    const other = await startTestServer('home');
    const { version } = (await (
      await fetch(`${other.server.url}/console/changes`, {
        headers: { 'x-mbs-console-key': other.server.consoleKey },
      })
    ).json()) as { version: number };
    const waiting = fetch(`${other.server.url}/console/changes?since=${version}`, {
      headers: { 'x-mbs-console-key': other.server.consoleKey },
    }).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = other.close().then(() => 'closed');
    expect(await settlesSoon(closed)).toBe(true);
    expect(['answered', 'cut']).toContain(await waiting);
  });
});
