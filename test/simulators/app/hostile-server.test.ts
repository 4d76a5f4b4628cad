/**
 * Whatever a server answers, a simulated device never crashes a run: every failure is a job in state "failed" or a
 * rejection with a catalogued code, never an unexpected exception.
 */
import { createServer, type Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ERRORS, ERRORS } from '../../../conformance/spec/errors.js';
import { encodePairingPayload } from '../../../conformance/spec/protocol/pairing.js';
import { MobileApp } from '../../../simulators/app/mobile-app.js';
import { device, media } from '../../helpers/sim.js';

type Answer = { status: number; body: string; close?: boolean };
let answers: Answer[] = [];
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (req.method === 'POST' && req.url === '/v1/pair') {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          deviceId: 'dev1',
          deviceKey: 'k'.repeat(32),
          name: 'Redmi Note 8',
          backupPath: 'x/1',
          registeredAt: 1,
        }),
      );
      return;
    }
    const answer = answers.shift() ?? { status: 200, body: '{}' };
    if (answer.close) {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const knownCodes = new Set<string>([...Object.keys(ERRORS), ...Object.keys(CLIENT_ERRORS)]);

const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ status: fc.constantFrom(200, 201, 204, 400, 404, 409, 500, 503), body: fc.string() }),
  fc.record({ status: fc.constantFrom(200, 201), body: fc.jsonValue().map((v) => JSON.stringify(v)) }),
  fc.record({
    status: fc.constantFrom(400, 404, 409, 422),
    body: fc.constantFrom(...Object.keys(ERRORS)).map((code) => JSON.stringify({ code, message: 'x' })),
  }),
  fc.constant({ status: 200, body: '', close: true }),
);

describe('a device against a server that answers garbage', () => {
  it('ends each job as completed or failed, with the error classified', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 12 }), async (script) => {
        answers = [...script];
        const phone = device('android');
        phone.addMedia(media('a.jpg', 1000));
        phone.addMedia(media('b.mp4', 300_000));
        const app = new MobileApp(phone);
        app.updateSettings({ automatedBackup: false });
        const payload = encodePairingPayload({
          v: 1,
          server: 'hostile',
          edition: 'pro',
          host: '127.0.0.1',
          tcp: port,
          udp: 1,
          token: 't'.repeat(20),
          mode: 'add',
          expires: 1,
        });
        await app.scanQr(payload);
        const job = await app.backup();
        expect(['completed', 'failed']).toContain(job.state);
        if (job.state === 'failed')
          expect(knownCodes.has((job.error as { code?: string }).code ?? ''), String(job.error)).toBe(true);
        const listed = await app.listRestorable('recent').catch((error: { code?: string }) => error);
        if ('code' in listed) expect(knownCodes.has(listed.code ?? ''), String(listed)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
