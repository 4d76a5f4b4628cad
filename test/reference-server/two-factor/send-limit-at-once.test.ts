/**
 * The send limit asked at once: a gateway that takes a moment to answer (a real HTTP one on 127.0.0.1, as a vendor's
 * SMS provider) must not let sends that arrived together all pass the count before any is recorded. At most 5 go
 * out within the window, every other is `send-limited`; a send the gateway refuses still records nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import { startFixture, type App, type Fixture } from './fixture.js';

const PHONE = '+85291234589';

let gateway: Server;
let posted: number;
let failNext: boolean;
let f: Fixture;
let app: App;
beforeEach(async () => {
  posted = 0;
  failNext = false;
  // Answers after a turn of the event loop and a timer, so that requests sent together meet in the await.
  gateway = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const status = failNext ? 503 : 202;
      if (!failNext) posted++;
      failNext = false;
      setTimeout(() => response.writeHead(status).end(), 10);
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const { port } = gateway.address() as AddressInfo;
  f = await startFixture('pro', { smsWebhook: `http://127.0.0.1:${port}/sms` });
  app = await f.registerApp();
});
afterEach(async () => {
  await f?.close();
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

const setPhone = () => app.call('setRecoveryPhone', { body: { phone: PHONE } });
const codeOf = (error: unknown) => (error instanceof MbsError ? error.code : String(error));

describe('the send limit asked at once', () => {
  it('sends at most 5 of 8 sends that arrive together, and refuses the rest send-limited', async () => {
    const answers = await Promise.allSettled(Array.from({ length: 8 }, setPhone));
    const sent = answers.filter((a) => a.status === 'fulfilled');
    const refusals = answers.flatMap((a) => (a.status === 'rejected' ? [codeOf(a.reason)] : []));
    expect(sent).toHaveLength(5);
    expect(refusals).toEqual(Array(3).fill('send-limited'));
    expect(posted).toBe(5);
    expect(await f.outbox()).toHaveLength(5);
  });

  it('leaves the slot of a send the gateway refused to the next', async () => {
    failNext = true;
    await expect(setPhone()).rejects.toMatchObject({ code: 'gateway-failed' });
    for (let i = 0; i < 5; i++) await setPhone();
    await expect(setPhone()).rejects.toMatchObject({ code: 'send-limited' });
    expect(posted).toBe(5);
  });
});
