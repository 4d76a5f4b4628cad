/**
 * What the bad-input tests share: a Pro server whose clock the test sets, two paired devices and the key of a removed
 * one, a committed and an open backup, an upload with its first 4 bytes received; the requests built against them
 * (among them one each route would accept), and the check that a refusal carries the catalogue's code and status
 * and changes nothing.
 *
 * The state lives in this module, and each test file starts it in its own beforeAll: vitest gives every test file a
 * fresh copy of its modules, so no file sees what another did to its server.
 */
import { expect } from 'vitest';
import { ERRORS, MbsError, type ErrorBody, type ErrorCode } from '../../../conformance/spec/errors.js';
import type { RouteName } from '../../../conformance/spec/protocol/routes.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { errorOf, jsonBody, rawRequest, type RawCall } from '../../helpers/raw-http.js';
import { snapshotState } from '../../helpers/state-snapshot.js';
import { bytesOf, deviceIdentity, photo, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { TWO_FACTOR_CALLS } from '../two-factor/valid-calls.js';

export type Identity = ReturnType<typeof deviceIdentity>;
export type Device = MbsClient & { deviceId: string; identity: Identity };
export type Refusal = ErrorBody & { status: number };

export const item = bytesOf(1, 100);
export const pending = bytesOf(2, 10); // an upload with its first 4 bytes received

export interface Fixture {
  t: TestServer;
  /** The server's clock; a test may move it on. */
  now: number;
  a: Device; // the device most requests come from
  b: Device; // a second paired device
  revokedKey: string;
  closedBackup: string;
  openBackup: string;
  uploadId: string;
}

/** Filled in by setUpFixture, in the test file's beforeAll. */
export const fx = { now: Date.now() } as Fixture;

export async function setUpFixture(): Promise<void> {
  fx.t = await startTestServer('pro', { clock: { now: () => fx.now } });
  fx.a = await pairAs(deviceIdentity('Phone A'));
  fx.b = await pairAs(deviceIdentity('Phone B', 'ios'));
  const removed = await pairAs(deviceIdentity('Phone R'));
  await fx.t.console.call('removeDevice', { params: { deviceId: removed.deviceId } });
  fx.revokedKey = removed.deviceKey as string;
  const { a } = fx;
  fx.closedBackup = (await a.call('startBackup', { body: {} })).backupId;
  await a.uploadItem(fx.closedBackup, item, photo('IMG_0001.jpg'), sha256(item));
  await a.call('commitBackup', {
    params: { backupId: fx.closedBackup },
    body: { present: [sha256(item)], accounts: [] },
  });
  fx.now += 2000;
  fx.openBackup = (await a.call('startBackup', { body: {} })).backupId;
  const created = await a.call('createUpload', {
    body: { backupId: fx.openBackup, sha256: sha256(pending), size: pending.length, meta: photo('IMG_0002.jpg') },
  });
  if (created.status !== 'created') throw new Error('fixture upload not created');
  fx.uploadId = created.upload.uploadId;
  await a.append(fx.uploadId, 0, pending.subarray(0, 4));
}

export async function tearDownFixture(): Promise<void> {
  await fx.t?.close();
}

export async function pairAs(identity: Identity): Promise<Device> {
  const { token } = await fx.t.console.call('createPairing', { body: { mode: 'add' } });
  const device = new MbsClient({ baseUrl: fx.t.server.url });
  const paired = await device.call('pair', { body: { token, edition: 'pro', device: identity } });
  device.deviceKey = paired.deviceKey;
  return Object.assign(device, { deviceId: paired.deviceId, identity });
}

/** Asserts the error is `code` with the catalogue's status, and that nothing changed on disk or in the database. */
export async function refusal(code: ErrorCode, send: () => Promise<Refusal>) {
  const before = snapshotState(fx.t.dataDir);
  const outcome = await send().catch((thrown: unknown) =>
    thrown instanceof Error ? thrown : new Error(String(thrown)),
  );
  // Soft, so that a wrong answer also shows whether it changed something.
  expect.soft(snapshotState(fx.t.dataDir), 'the database or the data directory changed').toEqual(before);
  if (outcome instanceof Error) throw outcome;
  expect({ status: outcome.status, code: outcome.code }).toEqual({ status: ERRORS[code].status, code });
  return outcome;
}
export async function expectRefused(code: ErrorCode, send: () => Promise<Refusal>): Promise<void> {
  await refusal(code, send);
}

/** Sends a request the client would not build, and reads the error out of the answer. */
export const raw = (call: RawCall) => async (): Promise<Refusal> => {
  const answer = await rawRequest(fx.t.server.url, call);
  return { ...errorOf(answer), status: answer.status };
};
/** Runs a client call that must fail, and gives its error as the server sent it. */
export const viaClient = (action: () => Promise<unknown>) => async (): Promise<Refusal> => {
  const error: unknown = await action().then(
    () => new Error('the request succeeded'),
    (e: unknown) => e,
  );
  if (!(error instanceof MbsError)) throw error;
  return { ...error.toBody(), status: error.status };
};

export const auth = (device: MbsClient | string) => ({
  authorization: `Bearer ${typeof device === 'string' ? device : device.deviceKey}`,
});
export const asA = (call: RawCall): RawCall => ({ ...call, headers: { ...auth(fx.a), ...call.headers } });
export const asConsole = (call: RawCall): RawCall => ({
  ...call,
  headers: { 'x-mbs-console-key': fx.t.server.consoleKey, ...call.headers },
});
export const withHeader = (call: RawCall, name: string, value: string | undefined): RawCall => {
  const headers = Object.fromEntries(Object.entries(call.headers ?? {}).filter(([k]) => k !== name));
  return { ...call, headers: value === undefined ? headers : { ...headers, [name]: value } };
};

export const json = (method: string, p: string, body: unknown, headers: Record<string, string> = {}): RawCall => {
  const encoded = jsonBody(body);
  return { method, path: p, body: encoded.body, headers: { ...encoded.headers, ...headers } };
};
/** A createUpload body into the open backup that the server would take, but for what `meta` and `extra` change. */
export const uploadBody = (meta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  backupId: fx.openBackup,
  sha256: sha256(bytesOf(9, 5)),
  size: 5,
  meta: { ...photo('IMG_0009.jpg'), ...meta },
  ...extra,
});
/** An append to the pending upload from device A, without its body. */
export const append = (offset: number, headers: Record<string, string> = {}) => ({
  method: 'PATCH',
  path: `/v1/uploads/${fx.uploadId}`,
  headers: {
    ...auth(fx.a),
    'content-type': 'application/offset+octet-stream',
    'upload-offset': String(offset),
    ...headers,
  },
});

/**
 * A request each route would accept from an authorised caller: the auth tests take the authorisation away, and the
 * request-shape tests break one part of a body.
 */
export const validCall: Record<RouteName, () => RawCall> = {
  getInfo: () => ({ method: 'GET', path: '/v1/info' }),
  getOpenApi: () => ({ method: 'GET', path: '/openapi.json' }),
  createPairing: () => json('POST', '/v1/console/pairings', { mode: 'add' }),
  renderQr: () => json('POST', '/v1/console/qr', { text: 'mbs://pair?v=1' }),
  pair: () => json('POST', '/v1/pair', { token: 'x'.repeat(43), edition: 'pro', device: deviceIdentity('New') }),
  listDevices: () => ({ method: 'GET', path: '/v1/console/devices' }),
  listDeviceItems: () => ({ method: 'GET', path: `/v1/console/devices/${fx.b.deviceId}/items` }),
  getPairing: () => ({ method: 'GET', path: '/v1/console/pairings/placeholder-pairing' }),
  renameDevice: () => json('PATCH', `/v1/console/devices/${fx.b.deviceId}`, { name: 'Renamed' }),
  removeDevice: () => ({ method: 'DELETE', path: `/v1/console/devices/${fx.b.deviceId}` }),
  getSelf: () => ({ method: 'GET', path: '/v1/device' }),
  startBackup: () => json('POST', '/v1/backups', {}),
  createUpload: () => json('POST', '/v1/uploads', uploadBody({})),
  getUpload: () => ({ method: 'GET', path: `/v1/uploads/${fx.uploadId}` }),
  appendUpload: () => ({ ...append(4), body: pending.subarray(4, 6) }),
  cancelUpload: () => ({ method: 'DELETE', path: `/v1/uploads/${fx.uploadId}` }),
  commitBackup: () => json('POST', `/v1/backups/${fx.openBackup}/commit`, { present: [], accounts: [] }),
  getLatestSnapshot: () => ({ method: 'GET', path: '/v1/snapshots/latest' }),
  listItems: () => ({ method: 'GET', path: '/v1/items?tab=recent' }),
  getItem: () => ({ method: 'GET', path: `/v1/items/${sha256(item)}` }),
  downloadItem: () => ({ method: 'GET', path: `/v1/items/${sha256(item)}/content` }),
  archiveItems: () => json('POST', '/v1/items/archive', { items: [sha256(item)] }),
  getConformanceClock: () => ({ method: 'GET', path: '/v1/console/conformance/clock' }),
  setConformanceClock: () => json('PUT', '/v1/console/conformance/clock', { offsetMs: 0 }),
  ...TWO_FACTOR_CALLS,
};
