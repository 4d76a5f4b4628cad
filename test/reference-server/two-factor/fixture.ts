/**
 * A Pro server on 127.0.0.1 whose clock the test sets, with the desktop side, apps registered as authenticators,
 * the outbox, and the check that a refused request changed nothing (but the count of failed guesses).
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { ERRORS, MbsError, type ErrorCode } from '../../../conformance/spec/errors.js';
import type { ServerOptions } from '../../../reference-server/options.js';
import { totpAt } from '../../../reference-server/two-factor/totp.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/** 2020-09-13T12:27:00Z, the start of a 30 s time step. */
export const T0 = 1_600_000_020_000;

export interface App extends MbsClient {
  readonly authenticatorId: string;
  readonly secret: string;
  readonly installId: string;
  /** The one-time password this app shows at the server's current time (or `offsetMs` from it). */
  code(offsetMs?: number): string;
}

export interface Fixture {
  readonly t: TestServer;
  readonly desk: MbsClient;
  now: number;
  advance(ms: number): void;
  /** Registers an app by QR code: a registration, then the app's scan. */
  registerApp(name?: string, deviceId?: string): Promise<App>;
  /** Every message in the outbox, oldest first. */
  outbox(): Promise<{ channel: string; to: string; subject?: string; text: string; sentAt: number }[]>;
  /** The code `ABCD-123456` of the newest message, split as the screen shows it and the user types it. */
  lastCode(): Promise<{ letters: string; digits: string }>;
  close(): Promise<void>;
}

export async function startFixture(edition: 'pro' | 'lite' = 'pro', options: Partial<ServerOptions> = {}) {
  const fixture = { now: T0 } as Fixture & { now: number };
  const t = await startTestServer(edition, { clock: { now: () => fixture.now }, ...options });
  const desk = t.console;
  Object.assign(fixture, {
    t,
    desk,
    advance: (ms: number) => (fixture.now += ms),
    async registerApp(name = 'Redmi Note 8', deviceId?: string) {
      const { payload } = await desk.call('createRegistration', { body: {} });
      return scanRegistration(t.server.url, payload, name, () => fixture.now, deviceId);
    },
    async outbox() {
      return (await desk.call('listOutbox', { query: {} })).messages;
    },
    async lastCode() {
      const messages = await fixture.outbox();
      const match = /([A-Z]{4})-(\d{6})/.exec(messages.at(-1)?.text ?? '');
      if (!match) throw new Error('no code in the outbox');
      return { letters: match[1] as string, digits: match[2] as string };
    },
    close: () => t.close(),
  });
  return fixture;
}

/** The app's side of a QR registration: reads the token out of the payload and registers with it. */
export async function scanRegistration(
  baseUrl: string,
  payload: string,
  name: string,
  now: () => number,
  deviceId?: string,
): Promise<App> {
  const registrationToken = new URL(payload).searchParams.get('token') ?? '';
  const installId = randomBytes(9).toString('base64url');
  const client = new MbsClient({ baseUrl });
  const registered = await client.call('registerAuthenticator', {
    body: { registrationToken, name, platform: 'android', installId, ...(deviceId ? { deviceId } : {}) },
  });
  client.authenticatorKey = registered.authenticatorKey;
  const secret = registered.account.secret;
  return Object.assign(client, {
    authenticatorId: registered.authenticatorId,
    secret,
    installId,
    code: (offsetMs = 0) => totpAt(secret, now() + offsetMs),
  });
}

/** The state a refused request must leave alone: everything but the count of failed guesses, which it may raise. */
export function stateOf(dataDir: string) {
  const { tables, files } = snapshotState(dataDir);
  const { tfa_failures: _failures, ...rest } = tables;
  return { tables: rest, files };
}

/** Asserts the action fails with `code` (and the catalogue's status) and changes nothing; returns the error. */
export async function refused(fixture: Fixture, code: ErrorCode, action: () => Promise<unknown>): Promise<MbsError> {
  const before = stateOf(fixture.t.dataDir);
  const outcome = await action().then(
    (value) => new Error(`expected ${code}, the request succeeded: ${JSON.stringify(value).slice(0, 300)}`),
    (error: unknown) => error,
  );
  expect.soft(stateOf(fixture.t.dataDir), 'a refused request changed the state').toEqual(before);
  if (!(outcome instanceof MbsError)) throw outcome;
  expect({ code: outcome.code, status: outcome.status }).toEqual({ code, status: ERRORS[code].status });
  return outcome;
}
