/**
 * Bad input: names that would leave their folder, and other forbidden names (traversal, separators, drive letters,
 * control characters, empty, too long) as a paired or renamed device's name, an uploaded file's name, a device path,
 * and an id in a route's path.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { deviceIdentity } from '../../helpers/test-server.js';
import { asA, asConsole, expectRefused, fx, json, raw, setUpFixture, tearDownFixture, uploadBody } from './fixture.js';

beforeAll(setUpFixture);
afterAll(tearDownFixture);

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
    token = (await fx.t.console.call('createPairing', { body: { mode: 'add' } })).token;
  });

  it.each(deviceNames)('pairing a device named %s → invalid-name', (_, name) =>
    expectRefused(
      'invalid-name',
      raw(json('POST', '/v1/pair', { token, edition: 'pro', device: deviceIdentity(name) })),
    ),
  );
  // Within 64 characters, but its folder name would be 256 bytes: more than a file system takes (255).
  it('pairing a device whose 64-character name is 256 bytes in UTF-8 → invalid-name', async () => {
    const own = (await fx.t.console.call('createPairing', { body: { mode: 'add' } })).token;
    const device = deviceIdentity('😀'.repeat(64));
    await expectRefused('invalid-name', raw(json('POST', '/v1/pair', { token: own, edition: 'pro', device })));
  });
  it.each(deviceNames)('renaming a device to %s → invalid-name', (_, name) =>
    expectRefused('invalid-name', raw(asConsole(json('PATCH', `/v1/console/devices/${fx.b.deviceId}`, { name })))),
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
