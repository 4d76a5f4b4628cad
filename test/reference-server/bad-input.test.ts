/**
 * Every kind of bad input the server must refuse: each gets a 4xx with a stable code from the catalogue (and the
 * catalogue's status for it), and leaves the database and the data directory exactly as they were.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, MbsError, type ErrorBody, type ErrorCode } from '../../conformance/spec/errors.js';
import { MAX_ITEM_BYTES } from '../../conformance/spec/protocol/resources.js';
import { ROUTE_NAMES, ROUTES, type RouteName } from '../../conformance/spec/protocol/routes.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_PAIRING_TTL_MS } from '../../reference-server/options.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { errorOf, jsonBody, rawRequest, type RawCall } from '../helpers/raw-http.js';
import { snapshotState } from '../helpers/state-snapshot.js';
import { TWO_FACTOR_CALLS } from './two-factor/valid-calls.js';
import { bytesOf, deviceIdentity, photo, sha256, startTestServer, type TestServer } from '../helpers/test-server.js';

type Identity = ReturnType<typeof deviceIdentity>;
type Device = MbsClient & { deviceId: string; identity: Identity };

let now = Date.now();
let t: TestServer;
let a: Device; // the device most requests come from
let b: Device; // a second paired device
let revokedKey: string;
const item = bytesOf(1, 100);
const pending = bytesOf(2, 10); // an upload with its first 4 bytes received
let closedBackup: string;
let openBackup: string;
let uploadId: string;

async function pairAs(identity: Identity): Promise<Device> {
  const { token } = await t.console.call('createPairing', { body: { mode: 'add' } });
  const device = new MbsClient({ baseUrl: t.server.url });
  const paired = await device.call('pair', { body: { token, edition: 'pro', device: identity } });
  device.deviceKey = paired.deviceKey;
  return Object.assign(device, { deviceId: paired.deviceId, identity });
}

beforeAll(async () => {
  t = await startTestServer('pro', { clock: { now: () => now } });
  a = await pairAs(deviceIdentity('Phone A'));
  b = await pairAs(deviceIdentity('Phone B', 'ios'));
  const removed = await pairAs(deviceIdentity('Phone R'));
  await t.console.call('removeDevice', { params: { deviceId: removed.deviceId } });
  revokedKey = removed.deviceKey as string;
  closedBackup = (await a.call('startBackup', { body: {} })).backupId;
  await a.uploadItem(closedBackup, item, photo('IMG_0001.jpg'), sha256(item));
  await a.call('commitBackup', { params: { backupId: closedBackup }, body: { present: [sha256(item)], accounts: [] } });
  now += 2000;
  openBackup = (await a.call('startBackup', { body: {} })).backupId;
  const created = await a.call('createUpload', {
    body: { backupId: openBackup, sha256: sha256(pending), size: pending.length, meta: photo('IMG_0002.jpg') },
  });
  if (created.status !== 'created') throw new Error('fixture upload not created');
  uploadId = created.upload.uploadId;
  await a.append(uploadId, 0, pending.subarray(0, 4));
});
afterAll(async () => t?.close());

/** Asserts the error is `code` with the catalogue's status, and that nothing changed on disk or in the database. */
async function refusal(code: ErrorCode, send: () => Promise<ErrorBody & { status: number }>) {
  const before = snapshotState(t.dataDir);
  const outcome = await send().catch((thrown: unknown) =>
    thrown instanceof Error ? thrown : new Error(String(thrown)),
  );
  // Soft, so that a wrong answer also shows whether it changed something.
  expect.soft(snapshotState(t.dataDir), 'the database or the data directory changed').toEqual(before);
  if (outcome instanceof Error) throw outcome;
  expect({ status: outcome.status, code: outcome.code }).toEqual({ status: ERRORS[code].status, code });
  return outcome;
}
async function expectRefused(code: ErrorCode, send: () => Promise<ErrorBody & { status: number }>): Promise<void> {
  await refusal(code, send);
}

const raw = (call: RawCall) => async () => {
  const answer = await rawRequest(t.server.url, call);
  return { ...errorOf(answer), status: answer.status };
};
const viaClient = (action: () => Promise<unknown>) => async () => {
  const error: unknown = await action().then(
    () => new Error('the request succeeded'),
    (e: unknown) => e,
  );
  if (!(error instanceof MbsError)) throw error;
  return { ...error.toBody(), status: error.status };
};
const auth = (device: MbsClient | string) => ({
  authorization: `Bearer ${typeof device === 'string' ? device : device.deviceKey}`,
});
const asA = (call: RawCall): RawCall => ({ ...call, headers: { ...auth(a), ...call.headers } });
const asConsole = (call: RawCall): RawCall => ({
  ...call,
  headers: { 'x-mbs-console-key': t.server.consoleKey, ...call.headers },
});
const jsonText = (method: string, p: string, text: string): RawCall => ({
  method,
  path: p,
  headers: { 'content-type': 'application/json' },
  body: text,
});
const account = {
  id: 'acct-1',
  issuer: 'Example',
  label: 'me',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  push: false,
};
const json = (method: string, p: string, body: unknown, headers: Record<string, string> = {}): RawCall => {
  const encoded = jsonBody(body);
  return { method, path: p, body: encoded.body, headers: { ...encoded.headers, ...headers } };
};
const uploadBody = (meta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  backupId: openBackup,
  sha256: sha256(bytesOf(9, 5)),
  size: 5,
  meta: { ...photo('IMG_0009.jpg'), ...meta },
  ...extra,
});
const append = (offset: number, headers: Record<string, string> = {}) => ({
  method: 'PATCH',
  path: `/v1/uploads/${uploadId}`,
  headers: {
    ...auth(a),
    'content-type': 'application/offset+octet-stream',
    'upload-offset': String(offset),
    ...headers,
  },
});

/** A request each route would accept from an authorised caller; the auth tests take the authorisation away. */
const validCall: Record<RouteName, () => RawCall> = {
  getInfo: () => ({ method: 'GET', path: '/v1/info' }),
  getOpenApi: () => ({ method: 'GET', path: '/openapi.json' }),
  createPairing: () => json('POST', '/v1/console/pairings', { mode: 'add' }),
  pair: () => json('POST', '/v1/pair', { token: 'x'.repeat(43), edition: 'pro', device: deviceIdentity('New') }),
  listDevices: () => ({ method: 'GET', path: '/v1/console/devices' }),
  renameDevice: () => json('PATCH', `/v1/console/devices/${b.deviceId}`, { name: 'Renamed' }),
  removeDevice: () => ({ method: 'DELETE', path: `/v1/console/devices/${b.deviceId}` }),
  getSelf: () => ({ method: 'GET', path: '/v1/device' }),
  startBackup: () => json('POST', '/v1/backups', {}),
  createUpload: () => json('POST', '/v1/uploads', uploadBody({})),
  getUpload: () => ({ method: 'GET', path: `/v1/uploads/${uploadId}` }),
  appendUpload: () => ({ ...append(4), body: pending.subarray(4, 6) }),
  cancelUpload: () => ({ method: 'DELETE', path: `/v1/uploads/${uploadId}` }),
  commitBackup: () => json('POST', `/v1/backups/${openBackup}/commit`, { present: [], accounts: [] }),
  getLatestSnapshot: () => ({ method: 'GET', path: '/v1/snapshots/latest' }),
  listItems: () => ({ method: 'GET', path: '/v1/items?tab=recent' }),
  getItem: () => ({ method: 'GET', path: `/v1/items/${sha256(item)}` }),
  downloadItem: () => ({ method: 'GET', path: `/v1/items/${sha256(item)}/content` }),
  archiveItems: () => json('POST', '/v1/items/archive', { items: [sha256(item)] }),
  ...TWO_FACTOR_CALLS,
};
const withHeader = (call: RawCall, name: string, value: string | undefined): RawCall => {
  const headers = Object.fromEntries(Object.entries(call.headers ?? {}).filter(([k]) => k !== name));
  return { ...call, headers: value === undefined ? headers : { ...headers, [name]: value } };
};
const routesWith = (kind: 'device' | 'console') => ROUTE_NAMES.filter((name) => ROUTES[name].auth === kind);

describe('authentication', () => {
  const deviceKeys: [string, () => string | undefined][] = [
    ['missing', () => undefined],
    ['unknown', () => `Bearer ${'k'.repeat(43)}`],
    ['not a bearer key', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['revoked (device removed)', () => `Bearer ${revokedKey}`],
  ];
  it.each(routesWith('device').flatMap((route) => deviceKeys.map(([key, value]) => [route, key, value] as const)))(
    '%s with a %s device key → device-unauthorized',
    (route, _, value) =>
      expectRefused('device-unauthorized', raw(withHeader(validCall[route](), 'authorization', value()))),
  );

  it.each(
    routesWith('console').flatMap((route) => [
      [route, 'missing', undefined] as const,
      [route, 'wrong', 'x'.repeat(43)] as const,
    ]),
  )('%s with a %s console key → console-unauthorized', (route, _, value) =>
    expectRefused('console-unauthorized', raw(withHeader(validCall[route](), 'x-mbs-console-key', value))),
  );

  it('the keys those requests lacked still work (control)', async () => {
    expect((await a.call('getSelf')).deviceId).toBe(a.deviceId);
    const listed = (await t.console.call('listDevices')).devices.map((d) => d.deviceId);
    expect(listed).toEqual(expect.arrayContaining([a.deviceId, b.deviceId]));
  });
});

describe('request shape', () => {
  const cases: [string, () => RawCall, ErrorCode][] = [
    ['malformed JSON', () => jsonText('POST', '/v1/pair', '{"token": "abc", '), 'invalid-json'],
    ['text that is not JSON', () => jsonText('POST', '/v1/pair', 'token=abc'), 'invalid-json'],
    ['an empty JSON body', () => jsonText('POST', '/v1/pair', ''), 'invalid-json'],
    [
      'malformed JSON to a console route',
      () => asConsole(jsonText('POST', '/v1/console/pairings', '{"mode":')),
      'invalid-json',
    ],
    [
      'malformed JSON to a device route',
      () => asA(jsonText('POST', `/v1/backups/${openBackup}/commit`, '{')),
      'invalid-json',
    ],
    ['size as a string', () => asA(json('POST', '/v1/uploads', uploadBody({}, { size: '5' }))), 'invalid-request'],
    ['a negative size', () => asA(json('POST', '/v1/uploads', uploadBody({}, { size: -1 }))), 'invalid-request'],
    [
      'a declared size over the largest item the server takes',
      () => asA(json('POST', '/v1/uploads', uploadBody({}, { size: MAX_ITEM_BYTES + 1 }))),
      'item-too-large',
    ],
    [
      'an EXIF key over 64 characters',
      () => asA(json('POST', '/v1/uploads', uploadBody({ exif: { ['k'.repeat(65)]: 'v' } }))),
      'invalid-request',
    ],
    [
      'kind not in the enum',
      () => asA(json('POST', '/v1/uploads', uploadBody({ kind: 'sticker' }))),
      'invalid-request',
    ],
    [
      'an upper-case checksum',
      () => asA(json('POST', '/v1/uploads', uploadBody({}, { sha256: 'A'.repeat(64) }))),
      'invalid-request',
    ],
    [
      'edition not in the enum',
      () => json('POST', '/v1/pair', { ...JSON.parse(validCall.pair().body as string), edition: 'ultimate' }),
      'invalid-request',
    ],
    [
      'pairing mode not in the enum',
      () => asConsole(json('POST', '/v1/console/pairings', { mode: 'clone' })),
      'invalid-request',
    ],
    [
      'present not an array',
      () => asA(json('POST', `/v1/backups/${openBackup}/commit`, { present: 'x', accounts: [] })),
      'invalid-request',
    ],
    ['an array where an object goes', () => asA(json('POST', '/v1/backups', [])), 'invalid-request'],
    ['limit not a number', () => asA({ method: 'GET', path: '/v1/items?limit=abc' }), 'invalid-request'],
    ['tab not in the enum', () => asA({ method: 'GET', path: '/v1/items?tab=trash' }), 'invalid-request'],
    ['upload-offset not a number', () => ({ ...append(Number.NaN), body: 'x' }), 'invalid-request'],
    ['an unknown key in startBackup', () => asA(json('POST', '/v1/backups', { extra: 1 })), 'invalid-request'],
    [
      'an unknown key in createUpload',
      () => asA(json('POST', '/v1/uploads', uploadBody({}, { extra: 1 }))),
      'invalid-request',
    ],
    [
      'an unknown key in item meta',
      () => asA(json('POST', '/v1/uploads', uploadBody({ colour: 'red' }))),
      'invalid-request',
    ],
    [
      'an unknown key in createPairing',
      () => asConsole(json('POST', '/v1/console/pairings', { mode: 'add', extra: 1 })),
      'invalid-request',
    ],
    [
      'an unknown key in the pairing device',
      () =>
        json('POST', '/v1/pair', {
          token: 'x'.repeat(43),
          edition: 'pro',
          device: { ...deviceIdentity('N'), extra: 1 },
        }),
      'invalid-request',
    ],
    [
      'an unknown key in rename',
      () => asConsole(json('PATCH', `/v1/console/devices/${b.deviceId}`, { name: 'X', extra: 1 })),
      'invalid-request',
    ],
    [
      'an unknown key in commit',
      () => asA(json('POST', `/v1/backups/${openBackup}/commit`, { present: [], accounts: [], extra: 1 })),
      'invalid-request',
    ],
    [
      'an unknown key in a 2FA account',
      () =>
        asA(json('POST', `/v1/backups/${openBackup}/commit`, { present: [], accounts: [{ ...account, extra: 1 }] })),
      'invalid-request',
    ],
    [
      'an unknown key in archive',
      () => asA(json('POST', '/v1/items/archive', { items: [sha256(item)], extra: 1 })),
      'invalid-request',
    ],
    ['an unknown query parameter', () => asA({ method: 'GET', path: '/v1/items?colour=red' }), 'invalid-request'],
    [
      'a JSON route given no content type',
      () => asA({ method: 'POST', path: '/v1/backups', body: '{}' }),
      'unsupported-media-type',
    ],
    [
      'a JSON route given application/xml',
      () => asA({ method: 'POST', path: '/v1/backups', headers: { 'content-type': 'application/xml' }, body: '<a/>' }),
      'unsupported-media-type',
    ],
    [
      'a JSON route given text/plain',
      () => asA({ method: 'POST', path: '/v1/backups', headers: { 'content-type': 'text/plain' }, body: '{}' }),
      'unsupported-media-type',
    ],
    [
      'a JSON route given application/offset+octet-stream',
      () =>
        asA({
          method: 'POST',
          path: '/v1/backups',
          headers: { 'content-type': 'application/offset+octet-stream' },
          body: '{}',
        }),
      'unsupported-media-type',
    ],
  ];
  it.each(cases.map(([label, call, code]) => [label, code, call] as const))('%s → %s', (_, code, call) =>
    expectRefused(code, raw(call())),
  );

  it(`a JSON body over the default ${DEFAULT_BODY_LIMIT} byte limit → body-too-large`, async () => {
    const head = '{"mode":"add","pad":"';
    const body = `${head}${'a'.repeat(DEFAULT_BODY_LIMIT + 1 - head.length - 2)}"}`;
    expect(body.length).toBe(DEFAULT_BODY_LIMIT + 1);
    await expectRefused(
      'body-too-large',
      raw(
        asConsole({
          method: 'POST',
          path: '/v1/console/pairings',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      ),
    );
  });
});

describe('names that would leave their folder, and other forbidden names', () => {
  const common: [string, string][] = [
    ['../x', '../x'],
    ['..', '..'],
    ['.', '.'],
    ['a/b', 'a/b'],
    ['a\\b', 'a\\b'],
    ['/etc/passwd', '/etc/passwd'],
    ['C:\\x', 'C:\\x'],
    ['a NUL byte', 'a\u0000b'],
    ['a control character', 'a\u0007b'],
    ['a newline', 'a\nb'],
    ['DEL', 'a\u007fb'],
    ['empty', ''],
    ['a trailing dot', 'name.'],
  ];
  const deviceNames: [string, string][] = [...common, ['65 characters', 'n'.repeat(65)]];
  let token: string;
  beforeAll(async () => {
    token = (await t.console.call('createPairing', { body: { mode: 'add' } })).token;
  });

  it.each(deviceNames)('pairing a device named %s → invalid-name', (_, name) =>
    expectRefused(
      'invalid-name',
      raw(json('POST', '/v1/pair', { token, edition: 'pro', device: deviceIdentity(name) })),
    ),
  );
  // Within 64 characters, but its folder name would be 256 bytes: more than a file system takes (255).
  it('pairing a device whose 64-character name is 256 bytes in UTF-8 → invalid-name', async () => {
    const own = (await t.console.call('createPairing', { body: { mode: 'add' } })).token;
    const device = deviceIdentity('😀'.repeat(64));
    await expectRefused('invalid-name', raw(json('POST', '/v1/pair', { token: own, edition: 'pro', device })));
  });
  it.each(deviceNames)('renaming a device to %s → invalid-name', (_, name) =>
    expectRefused('invalid-name', raw(asConsole(json('PATCH', `/v1/console/devices/${b.deviceId}`, { name })))),
  );
  const fileNames: [string, string][] = [
    ['../x.jpg', '../x.jpg'],
    ['..', '..'],
    ['.', '.'],
    ['.jpg (only an extension)', '.jpg'],
    ['a/b.jpg', 'a/b.jpg'],
    ['a\\b.jpg', 'a\\b.jpg'],
    ['/etc/passwd', '/etc/passwd'],
    ['C:\\x.jpg', 'C:\\x.jpg'],
    ['a NUL byte', 'a\u0000.jpg'],
    ['a control character', 'a\u0001.jpg'],
    ['DEL', 'a\u007f.jpg'],
    ['empty', ''],
    ['256 characters', `${'f'.repeat(252)}.jpg`],
  ];
  it.each(fileNames)('uploading a file named %s → invalid-name', (_, name) =>
    expectRefused('invalid-name', raw(asA(json('POST', '/v1/uploads', uploadBody({ name }))))),
  );
  // A device path holds separators by nature, so a bad one is an invalid request rather than an invalid name.
  it.each([
    ['a .. segment', '/storage/emulated/0/DCIM/../../../../etc/passwd'],
    ['a leading .. segment', '../IMG_0009.jpg'],
    ['only ..', '..'],
    ['a trailing .. segment', '/storage/emulated/0/..'],
    ['a NUL byte', '/storage/emulated/0/a\u0000.jpg'],
    ['a control character', '/storage/emulated/0/a\u001b.jpg'],
  ])('uploading a file whose device path has %s → invalid-request', (_, p) =>
    expectRefused('invalid-request', raw(asA(json('POST', '/v1/uploads', uploadBody({ path: p }))))),
  );
  it.each([
    ['rename', () => asConsole(json('PATCH', '/v1/console/devices/..%2F..%2Fetc', { name: 'X' }))],
    ['remove', () => asConsole({ method: 'DELETE', path: '/v1/console/devices/..' })],
    ['getUpload', () => asA({ method: 'GET', path: '/v1/uploads/..%2F..%2F.mbs%2Fmbs.sqlite' })],
    ['cancelUpload', () => asA({ method: 'DELETE', path: '/v1/uploads/%2E%2E' })],
    ['commitBackup', () => asA(json('POST', '/v1/backups/..%5C..%5Cx/commit', { present: [], accounts: [] }))],
    ['downloadItem', () => asA({ method: 'GET', path: '/v1/items/..%2F..%2Fetc%2Fpasswd/content' })],
  ] as const)('a traversing id in the path of %s → invalid-request', (_, call) =>
    expectRefused('invalid-request', raw(call())),
  );
});

describe('pairing and the device list', () => {
  const newToken = async (body: { mode: 'add' } | { mode: 'migrate'; originalDeviceId: string } = { mode: 'add' }) =>
    (await t.console.call('createPairing', { body })).token;
  const pairCall = (token: string, device: Identity, edition = 'pro') =>
    json('POST', '/v1/pair', { token, edition, device });

  it('an unknown pairing token → pairing-token-invalid', () =>
    expectRefused('pairing-token-invalid', raw(pairCall('u'.repeat(43), deviceIdentity('Phone X')))));
  it('a pairing token of the wrong shape → invalid-request', () =>
    expectRefused('invalid-request', raw(pairCall('short', deviceIdentity('Phone X')))));

  it('a pairing token past its 10-minute life → pairing-token-expired', async () => {
    const token = await newToken();
    now += DEFAULT_PAIRING_TTL_MS + 1;
    await expectRefused('pairing-token-expired', raw(pairCall(token, deviceIdentity('Phone X'))));
  });

  it('a pairing token used once already → pairing-token-used', async () => {
    const token = await newToken();
    const first = await rawRequest(t.server.url, pairCall(token, deviceIdentity('Phone C')));
    expect(first.status).toBe(201);
    await expectRefused('pairing-token-used', raw(pairCall(token, deviceIdentity('Phone D'))));
  });

  it('a pairing payload for another edition → pairing-edition-mismatch, and the token stays usable', async () => {
    const token = await newToken();
    for (const edition of ['lite', 'home']) {
      await expectRefused('pairing-edition-mismatch', raw(pairCall(token, deviceIdentity('Phone E'), edition)));
    }
    expect((await rawRequest(t.server.url, pairCall(token, deviceIdentity('Phone E')))).status).toBe(201);
  });

  it('adding an installation that is already paired → device-already-paired', async () => {
    const token = await newToken();
    await expectRefused('device-already-paired', raw(pairCall(token, a.identity)));
    await expectRefused('device-already-paired', raw(pairCall(token, { ...a.identity, name: 'Another name' })));
  });

  it('migrating onto a device that is already paired → migration-target-paired; the original stays', async () => {
    const token = await newToken({ mode: 'migrate', originalDeviceId: a.deviceId });
    await expectRefused('migration-target-paired', raw(pairCall(token, b.identity)));
    await expectRefused('migration-target-paired', raw(pairCall(token, a.identity)));
    const listed = (await t.console.call('listDevices')).devices.map((d) => d.deviceId);
    expect(listed).toEqual(expect.arrayContaining([a.deviceId, b.deviceId]));
    expect((await a.call('getSelf')).deviceId).toBe(a.deviceId);
    expect((await b.call('getSelf')).deviceId).toBe(b.deviceId);
  });

  it('migrating from an unknown device → device-not-found', () =>
    expectRefused(
      'device-not-found',
      viaClient(() =>
        t.console.call('createPairing', { body: { mode: 'migrate', originalDeviceId: 'no-such-device' } }),
      ),
    ));

  it('migrating from a device removed after the token was issued → device-not-found', async () => {
    const gone = await pairAs(deviceIdentity('Phone G'));
    const token = await newToken({ mode: 'migrate', originalDeviceId: gone.deviceId });
    await t.console.call('removeDevice', { params: { deviceId: gone.deviceId } });
    await expectRefused('device-not-found', raw(pairCall(token, deviceIdentity('Phone H'))));
  });

  it.each([
    ['rename', () => t.console.call('renameDevice', { params: { deviceId: 'no-such-device' }, body: { name: 'X' } })],
    ['remove', () => t.console.call('removeDevice', { params: { deviceId: 'no-such-device' } })],
  ] as const)('%s of an unknown device id → device-not-found', (_, action) =>
    expectRefused('device-not-found', viaClient(action)),
  );
});

describe('uploads', () => {
  const create = (meta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    raw(asA(json('POST', '/v1/uploads', uploadBody(meta, extra))));

  it.each([
    ['x.exe', 'document'],
    ['README', 'document'],
    ['photo.jpg.exe', 'photo'],
    ['archive.zip', 'document'],
  ])('a file named %s (kind %s) → unsupported-file-type', (name, kind) =>
    expectRefused('unsupported-file-type', create({ name, kind })),
  );

  it.each([
    ['IMG_0009.jpg', 'video'],
    ['VID_0009.mp4', 'photo'],
    ['report.pdf', 'photo'],
    ['song.mp3', 'video'],
  ])('a file named %s announced as a %s → item-kind-mismatch', (name, kind) =>
    expectRefused('item-kind-mismatch', create({ name, kind })),
  );

  it('an upload into a committed backup → backup-closed', () =>
    expectRefused('backup-closed', create({}, { backupId: closedBackup })));
  it('an upload into an unknown backup → backup-not-found', () =>
    expectRefused('backup-not-found', create({}, { backupId: 'no-such-backup' })));
  it("an upload into another device's backup → backup-not-found", () =>
    expectRefused(
      'backup-not-found',
      raw({
        ...json('POST', '/v1/uploads', uploadBody({})),
        headers: { 'content-type': 'application/json', ...auth(b) },
      }),
    ));

  it('a checksum mismatch discards the upload: its part file is gone and nothing is listed', async () => {
    const declared = bytesOf(5, 5);
    const sent = bytesOf(6, 5);
    const before = snapshotState(t.dataDir);
    const created = await a.call('createUpload', {
      body: { backupId: openBackup, sha256: sha256(declared), size: 5, meta: photo('IMG_0005.jpg') },
    });
    if (created.status !== 'created') throw new Error(`expected a new upload, got ${created.status}`);
    const id = created.upload.uploadId;
    const error = await viaClient(() => a.append(id, 0, sent))();
    expect({ code: error.code, status: error.status }).toEqual({ code: 'upload-checksum-mismatch', status: 422 });
    expect(existsSync(path.join(t.dataDir, '.mbs', 'uploads', `${id}.part`))).toBe(false);
    expect(snapshotState(t.dataDir)).toEqual(before);
    const listed = (await a.call('listItems', { query: { limit: 1000 } })).items.map((i) => i.sha256);
    expect(listed).not.toContain(sha256(declared));
    expect(listed).not.toContain(sha256(sent));
    await expectRefused(
      'upload-not-found',
      viaClient(() => a.call('getUpload', { params: { uploadId: id } })),
    );
  });

  it.each([0, 3, 5, 10])(
    'an append at offset %i when the upload is at 4 → upload-offset-mismatch with expectedOffset',
    async (offset) => {
      const error = await refusal(
        'upload-offset-mismatch',
        viaClient(() => a.append(uploadId, offset, pending.subarray(4, 5))),
      );
      expect(error.details).toMatchObject({ expectedOffset: 4 });
    },
  );
  it('an append past the declared size → upload-exceeds-size', () =>
    expectRefused(
      'upload-exceeds-size',
      viaClient(() => a.append(uploadId, 4, Buffer.concat([pending.subarray(4), Buffer.from('!')]))),
    ));
  it('an append without content-length (chunked) → upload-length-required', () =>
    expectRefused('upload-length-required', raw({ ...append(4), body: pending.subarray(4, 6), chunked: true })));
  it('an append sent as application/json → unsupported-media-type', () =>
    expectRefused('unsupported-media-type', raw({ ...append(4, { 'content-type': 'application/json' }), body: '{}' })));
  it('an append without a content type → unsupported-media-type', () =>
    expectRefused(
      'unsupported-media-type',
      raw({ ...withHeader(append(4), 'content-type', undefined), body: pending.subarray(4, 6) }),
    ));
  it('an append without upload-offset → invalid-request', () =>
    expectRefused(
      'invalid-request',
      raw({ ...withHeader(append(4), 'upload-offset', undefined), body: pending.subarray(4, 6) }),
    ));
  it.each([
    ['getUpload', (d: MbsClient, id: string) => d.call('getUpload', { params: { uploadId: id } })],
    ['cancelUpload', (d: MbsClient, id: string) => d.call('cancelUpload', { params: { uploadId: id } })],
    ['append', (d: MbsClient, id: string) => d.append(id, 4, pending.subarray(4, 5))],
  ] as const)("%s of an unknown upload, or another device's → upload-not-found", async (_, action) => {
    await expectRefused(
      'upload-not-found',
      viaClient(() => action(a, 'no-such-upload')),
    );
    await expectRefused(
      'upload-not-found',
      viaClient(() => action(b, uploadId)),
    );
  });
});

describe('backups and restore', () => {
  it('a commit naming items never uploaded → snapshot-items-missing', async () => {
    const missing = sha256(bytesOf(7, 7));
    const error = await refusal(
      'snapshot-items-missing',
      viaClient(() =>
        a.call('commitBackup', {
          params: { backupId: openBackup },
          body: { present: [sha256(item), missing], accounts: [] },
        }),
      ),
    );
    expect(error.details).toMatchObject({ missing: [missing], count: 1 });
  });
  it('a commit naming an upload that is not finished → snapshot-items-missing', () =>
    expectRefused(
      'snapshot-items-missing',
      viaClient(() =>
        a.call('commitBackup', {
          params: { backupId: openBackup },
          body: { present: [sha256(pending)], accounts: [] },
        }),
      ),
    ));
  it('a commit of an already committed backup → backup-closed', () =>
    expectRefused(
      'backup-closed',
      viaClient(() =>
        a.call('commitBackup', { params: { backupId: closedBackup }, body: { present: [sha256(item)], accounts: [] } }),
      ),
    ));
  it("a commit of an unknown backup, or another device's → backup-not-found", async () => {
    const body = { present: [], accounts: [] };
    await expectRefused(
      'backup-not-found',
      viaClient(() => a.call('commitBackup', { params: { backupId: 'nope' }, body })),
    );
    await expectRefused(
      'backup-not-found',
      viaClient(() => b.call('commitBackup', { params: { backupId: openBackup }, body })),
    );
  });

  const download = (range: string, device: MbsClient = a, sha = sha256(item)): RawCall => ({
    method: 'GET',
    path: `/v1/items/${sha}/content`,
    headers: { ...auth(device), range },
  });
  it.each(['bytes=abc', 'bytes=', 'chars=0-', 'bytes=--1', 'bytes=1-0-', 'bytes = 5'])(
    'a malformed Range header %j → range-not-satisfiable',
    (range) => expectRefused('range-not-satisfiable', raw(download(range))),
  );
  it.each([100, 101, 999_999_999_999_999])(
    'a Range starting at %i of a 100-byte item → range-not-satisfiable',
    (start) => expectRefused('range-not-satisfiable', raw(download(`bytes=${start}-`))),
  );
  it("an unknown item, or another device's → item-not-found", async () => {
    await expectRefused(
      'item-not-found',
      viaClient(() => a.call('getItem', { params: { sha256: sha256(pending) } })),
    );
    await expectRefused(
      'item-not-found',
      viaClient(() => b.call('getItem', { params: { sha256: sha256(item) } })),
    );
    await expectRefused(
      'item-not-found',
      viaClient(() => b.download(sha256(item))),
    );
    await expectRefused(
      'item-not-found',
      viaClient(() => a.call('archiveItems', { body: { items: [sha256(item), sha256(pending)] } })),
    );
  });
});

describe('routes', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/v1/nope'],
    ['GET', '/v2/info'],
    ['GET', '/v1/info/extra'],
    ['POST', '/v1/console/pairings/x'],
    ['GET', '/v1/items/x/y/z'],
  ])('%s %s → route-not-found', (method, p) => expectRefused('route-not-found', raw({ method, path: p })));
  it.each([
    ['DELETE', '/v1/info'],
    ['POST', '/v1/info'],
    ['PUT', '/v1/backups'],
    ['GET', '/v1/pair'],
    ['POST', '/v1/device'],
    ['PATCH', '/v1/items'],
    ['PUT', `/v1/uploads/${'u'.repeat(16)}`],
    ['GET', '/v1/console/pairings'],
  ])('%s %s (a known path, another method) → method-not-allowed', (method, p) =>
    expectRefused('method-not-allowed', raw(asA(asConsole({ method, path: p })))),
  );
});

describe('a server with a lowered body limit', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer('pro', { bodyLimit: 1024 });
  });
  afterAll(async () => small?.close());

  it.each([false, true])('a 2 KB JSON body (chunked: %s) → body-too-large, and nothing changes', async (chunked) => {
    const before = snapshotState(small.dataDir);
    const body = JSON.stringify({ token: 'x'.repeat(43), edition: 'pro', device: deviceIdentity('y'.repeat(2048)) });
    const answer = await rawRequest(small.server.url, {
      method: 'POST',
      path: '/v1/pair',
      headers: { 'content-type': 'application/json' },
      body,
      chunked,
    });
    expect({ status: answer.status, code: errorOf(answer).code }).toEqual({ status: 413, code: 'body-too-large' });
    expect(snapshotState(small.dataDir)).toEqual(before);
  });
});
