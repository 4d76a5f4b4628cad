/**
 * The server's listing as the model checks read it after every step, against the reference server on 127.0.0.1:
 * asked again whenever the app sent or got the answer of a request that may change it, reused only when nothing
 * but reads went to the server since.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverListing } from '../../../conformance/kit/server-listing.js';
import { tapWire } from '../../../conformance/kit/wire-tap.js';
import { MobileApp } from '../../../simulators/app/mobile-app.js';
import { device, media } from '../../helpers/sim.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(async () => t.close());

/** A paired app with a tap on its wire, and a count of the listings that reached the server. */
async function pairedWorld() {
  const phone = device('android');
  const app = new MobileApp(phone);
  app.updateSettings({ automatedBackup: false });
  await app.scanQr((await t.console.call('createPairing', { body: { mode: 'add' } })).payload);
  const wire = tapWire(app);
  return { phone, app, wire, asked: countListings(app) };
}

/** Counts the listings sent through the client the app speaks through now. */
function countListings(app: MobileApp) {
  const client = app.client();
  const call = client.call.bind(client);
  const asked = { listings: 0 };
  client.call = ((name: Parameters<typeof call>[0], input?: Parameters<typeof call>[1]) => {
    if (name === 'listItems') asked.listings += 1;
    return call(name, input);
  }) as typeof client.call;
  return asked;
}

describe('serverListing', () => {
  it('asks once while the app sends nothing that may change the server, and again after a backup', async () => {
    const w = await pairedWorld();
    const listing = serverListing(w);
    expect(await listing()).toEqual([]);
    // A read (the device's own record) and changes on the phone alone leave the listing as it was.
    await w.app.client().call('getSelf');
    w.phone.addMedia(media('IMG_1.jpg', 3_000));
    expect(await listing()).toEqual([]);
    expect(w.asked.listings).toBe(1);

    await w.app.backup();
    const after = await listing();
    expect(after.map((i) => i.meta.name)).toEqual(['IMG_1.jpg']);
    expect(w.asked.listings).toBe(2);
    expect(await listing()).toEqual(after);
    expect(w.asked.listings).toBe(2);
  });

  it('keeps no listing taken while a request that may change the server was under way', async () => {
    const w = await pairedWorld();
    const listing = serverListing(w);
    w.phone.addMedia(media('IMG_2.jpg', 3_000));
    const running = w.app.backup();
    await listing();
    await running;
    const after = await listing();
    expect(after.map((i) => i.meta.name)).toEqual(['IMG_2.jpg']);
    expect(w.asked.listings).toBe(2);
  });

  it('asks every time once the app speaks through a client the tap does not see', async () => {
    const w = await pairedWorld();
    const listing = serverListing(w);
    await listing();
    // A new connection setting gives the app a new client, which the tap never wrapped.
    await w.app.setConnection({ mode: 'manual', host: '127.0.0.1' });
    expect(w.wire.client).not.toBe(w.app.client());
    const untapped = countListings(w.app);
    await listing();
    await listing();
    expect(untapped.listings).toBe(2);
  });
});
