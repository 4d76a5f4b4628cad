/** A QR payload that is expired or for another edition is refused by the server, and the app stays unpaired. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodePairingPayload,
  encodeLegacyPairingPayload,
  encodePairingPayload,
} from '../../../conformance/spec/protocol/pairing.js';
import { MobileApp } from '../../../simulators/app/mobile-app.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { device } from '../../helpers/sim.js';

let t: TestServer;
let now = Date.UTC(2026, 10, 22, 12);
beforeAll(async () => {
  t = await startTestServer('lite', { clock: { now: () => now } });
});
afterAll(async () => t.close());

describe('pairing refusals seen from the app', () => {
  it('an expired QR code', async () => {
    const { payload } = await t.console.call('createPairing', { body: { mode: 'add' } });
    now += 10 * 60 * 1000;
    const app = new MobileApp(device('android'));
    await expect(app.scanQr(payload)).rejects.toMatchObject({ code: 'pairing-token-expired' });
    expect(app.pairing).toBeUndefined();
    expect(app.log.visible()[0]).toMatchObject({ type: 'Backup Error' });
  });

  it('a QR code for another edition, then the right one', async () => {
    const { payload } = await t.console.call('createPairing', { body: { mode: 'add' } });
    const app = new MobileApp(device('ios'));
    const forged = encodePairingPayload({ ...decodePairingPayload(payload), edition: 'pro' });
    await expect(app.scanQr(forged)).rejects.toMatchObject({ code: 'pairing-edition-mismatch' });
    expect(app.pairing).toBeUndefined();
    await app.scanQr(payload);
    expect(app.pairing?.payload.edition).toBe('lite');
    await expect(app.scanQr(payload)).rejects.toMatchObject({ code: 'already-paired' });
  });

  it('a server that still shows the first payload (mbs://pair?…): the app pairs by it', async () => {
    const { payload } = await t.console.call('createPairing', { body: { mode: 'add' } });
    const app = new MobileApp(device('android'));
    await app.scanQr(encodeLegacyPairingPayload(decodePairingPayload(payload)));
    expect(app.pairing?.payload.token).toBe(decodePairingPayload(payload).token);
  });
});
