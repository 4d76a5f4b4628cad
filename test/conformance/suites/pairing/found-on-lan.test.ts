/**
 * Automatic mode's Save & Connect failing is PAIR-06's only when the server answers discovery with the paired port:
 * a server that does not answer, or announces another port, is what failed, and the check's cell errors instead.
 */
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectFoundOnLan, type ConnectionApp } from '../../../../conformance/suites/pairing/connection-commands.js';
import { Violation } from '../../../../conformance/kit/violation.js';
import { SetupError } from '../../../../conformance/kit/setup.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import type { TargetSession } from '../../../../conformance/targets/target.js';

/** An app paired with TCP `tcpPort` whose automatic mode fails with the seed's message. */
const failingApp = (tcpPort: number): ConnectionApp => ({
  connection: async () => ({ mode: 'auto' }),
  pairing: async () => ({ deviceId: 'd1', host: '127.0.0.1', tcpPort }),
  save: async () => 'Connection failed. Make sure you have entered the correct host name / IP address.',
  backUpPhoto: async () => ({ state: 'completed', stored: 1 }),
});

/** An app paired with TCP `paired` whose automatic mode connects, to TCP `connected`. */
const connectingApp = (paired: number, connected: number): ConnectionApp => {
  let saved = false;
  return {
    ...failingApp(paired),
    pairing: async () => ({ deviceId: 'd1', host: '127.0.0.1', tcpPort: saved ? connected : paired }),
    save: async () => void (saved = true),
  };
};

describe('expectFoundOnLan when automatic mode fails', () => {
  it('fails PAIR-06 when the server answers discovery with the paired port', async () => {
    const session = await new ReferenceTarget(['pro']).open('pro');
    try {
      const found = expectFoundOnLan(failingApp(Number(new URL(session.url).port)), session);
      await expect(found).rejects.toBeInstanceOf(Violation);
      await expect(found).rejects.toMatchObject({ requirements: ['PAIR-06'] });
    } finally {
      await session.close();
    }
  });

  it('errors, not PAIR-06, when the server does not answer discovery', async () => {
    // A UDP socket that reads every request and answers none.
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
    const session = {
      edition: 'pro',
      host: '127.0.0.1',
      udpPort: (silent.address() as AddressInfo).port,
    } as unknown as TargetSession;
    try {
      const found = expectFoundOnLan(failingApp(50000), session).catch((e: unknown) => e);
      const error = (await found) as SetupError;
      expect(error).toBeInstanceOf(SetupError);
      expect(error.exercises).toEqual([]);
      expect((error.cause as Error).message).toMatch(/does not answer on UDP \d+ for TCP 50000$/);
    } finally {
      silent.close();
    }
  }, 30_000);

  it('fails PAIR-06 for another port than discovery gives, errors when the server announces another too', async () => {
    const session = await new ReferenceTarget(['pro']).open('pro');
    const port = Number(new URL(session.url).port);
    try {
      await expect(expectFoundOnLan(connectingApp(port, 50000), session)).rejects.toMatchObject({
        requirements: ['PAIR-06'],
      });
      const wrongAnswer = await expectFoundOnLan(connectingApp(1, port), session).catch((e: unknown) => e);
      expect(wrongAnswer).toBeInstanceOf(SetupError);
      expect(((wrongAnswer as SetupError).cause as Error).message).toContain(`announces TCP ${port} on UDP`);
    } finally {
      await session.close();
    }
  });
});
