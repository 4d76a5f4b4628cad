/** Bad profile and matrix files: each fails with its catalogued code and a message that names what is wrong. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClientError, type ClientErrorCode } from '../../conformance/spec/errors.js';
import { defaultProfilesDir, loadMatrix, loadProfile } from '../../devices/load-profiles.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mbsc-devices-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const shipped = (id: string) =>
  JSON.parse(readFileSync(path.join(defaultProfilesDir(), `${id}.json`), 'utf8')) as Record<string, unknown>;
const android = shipped('redmi-note-8');
const ios = shipped('iphone-6s');

let counter = 0;
/** Writes `content` (an object as JSON, a string as is) to a fresh file in the temp dir and returns its path. */
function write(content: unknown, name = `file-${++counter}.json`, dir = tmp): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function expectClientError(action: () => unknown, code: ClientErrorCode, ...fragments: string[]): ClientError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ClientError);
  const error = caught as ClientError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

describe('loadProfile refuses a bad profile', () => {
  it.each([
    ['an unknown key', { ...android, sdcardBytes: 64e9 }, 'sdcardBytes: unknown key. Did you mean "sdCardBytes"?'],
    ['a wrong type', { ...android, storageBytes: '64 GB' }, 'storageBytes: must be integer (got "64 GB")'],
    ['osVersion "abc"', { ...android, osVersion: 'abc' }, 'osVersion: must match pattern'],
    ['battery 101', { ...android, battery: { level: 101, charging: false } }, 'battery.level: must be <= 100'],
    ['a fractional battery level', { ...android, battery: { level: 50.5, charging: true } }, 'battery.level'],
    ['an unknown platform', { ...android, platform: 'andriod' }, 'platform: must be one of android, ios'],
    ['a name with a slash', { ...android, name: 'Redmi/Note' }, 'name: must match pattern'],
    ['a missing field', (({ camera: _, ...rest }) => rest)(android), 'camera: is required'],
    ['storage under 1 GB', { ...android, storageBytes: 5e8, systemBytes: 1e8 }, 'storageBytes: must be >= 1000000000'],
    ['sdCardBytes on iOS', { ...ios, sdCardBytes: 64e9 }, 'sdCardBytes: is Android only'],
    ['systemBytes = storageBytes', { ...android, systemBytes: 64e9 }, 'systemBytes: must be less than storageBytes'],
    ['systemBytes > storageBytes', { ...android, systemBytes: 65e9 }, 'systemBytes: must be less than storageBytes'],
    ['an Android lock on iOS', { ...ios, screenLock: 'pin' }, 'screenLock: "pin" is not an iOS screen lock'],
    ['a biometric without a lock', { ...ios, screenLock: 'none' }, 'biometric: fingerprint unlock needs a screen lock'],
  ])('with %s', (_, profile, fragment) => {
    const file = write(profile);
    const error = expectClientError(() => loadProfile(file), 'profile-invalid', file, fragment);
    expect(error.details?.['file']).toBe(file);
  });

  it('naming every failing field, not just the first', () => {
    const file = write({ ...android, osVersion: 'abc', battery: { level: 101, charging: 'yes' }, colour: 'red' });
    const error = expectClientError(() => loadProfile(file), 'profile-invalid', 'osVersion:', 'battery.level:');
    expect(error.message).toContain('battery.charging:');
    expect(error.message).toContain('colour: unknown key');
  });

  it('that is not JSON', () => {
    const file = write('{ "id": "redmi-note-8", ');
    expectClientError(() => loadProfile(file), 'profile-invalid', file, 'not valid JSON');
  });

  it('that is not an object', () => {
    const file = write('[1, 2]');
    expectClientError(() => loadProfile(file), 'profile-invalid', '(root): must be object');
  });

  it('whose id differs from its file name, when loaded by id', () => {
    const dir = path.join(tmp, 'mismatch');
    write({ ...android, id: 'redmi-note-9' }, 'redmi-note-8.json', dir);
    expectClientError(() => loadProfile('redmi-note-8', dir), 'profile-invalid', 'id: must equal the file name');
  });
});

describe('loadProfile cannot find', () => {
  it('an unknown id, and suggests the nearest', () => {
    expectClientError(
      () => loadProfile('redmi-note-9'),
      'profile-not-found',
      '"redmi-note-9"',
      'Did you mean "redmi-note-8"?',
    );
  });

  it('a device name given for an id, and suggests its id', () => {
    expectClientError(() => loadProfile('iPhone6s'), 'profile-not-found', 'Did you mean "iphone-6s"?');
  });

  it('a shortened id, and suggests the one id containing it', () => {
    expectClientError(() => loadProfile('pixel-9'), 'profile-not-found', 'Did you mean "google-pixel-9"?');
  });

  it('an id that looks like a path trick', () => {
    expectClientError(() => loadProfile('..'), 'profile-not-found', '".."');
  });

  it('a profile file that does not exist', () => {
    const file = path.join(tmp, 'nowhere', 'phone.json');
    expectClientError(() => loadProfile(file), 'profile-not-found', file);
  });
});

describe('loadMatrix refuses a bad matrix', () => {
  const good = { profiles: ['redmi-note-8', 'iphone-6s'], editions: ['pro', 'home'] };

  it('accepts a good one from a temp file', () => {
    const matrix = loadMatrix(write(good));
    expect(matrix.profiles.map((p) => p.id)).toEqual(good.profiles);
    expect(matrix.editions).toEqual(good.editions);
  });

  const cases: [string, unknown, ...string[]][] = [
    [
      'an unknown profile',
      { ...good, profiles: ['redmi-note-8', 'iphone-6ss'] },
      'profiles[1]: no device profile "iphone-6ss"',
      'Did you mean "iphone-6s"?',
    ],
    [
      'an unknown edition',
      { ...good, editions: ['pro', 'homee'] },
      'editions[1]: must be one of pro, lite, home',
      'Did you mean "home"?',
    ],
    ['no profiles', { ...good, profiles: [] }, 'profiles: must not have fewer than 1 items'],
    ['no editions', { ...good, editions: [] }, 'editions: must not have fewer than 1 items'],
    ['a repeated profile', { ...good, profiles: ['iphone-6', 'iphone-6'] }, 'profiles: must not have duplicate items'],
    ['a non-kebab id', { ...good, profiles: ['Redmi Note 8'] }, 'profiles[0]: must match pattern'],
    ['an unknown key', { ...good, devices: [] }, 'devices: unknown key'],
    ['a missing key', { profiles: good.profiles }, 'editions: is required'],
  ];
  it.each(cases)('with %s', (_, matrix, ...fragments) => {
    const file = write(matrix);
    expectClientError(() => loadMatrix(file), 'matrix-invalid', file, ...fragments);
  });

  it('that is not JSON', () => {
    const file = write('profiles: [redmi-note-8]');
    expectClientError(() => loadMatrix(file), 'matrix-invalid', file, 'not valid JSON');
  });

  it('that does not exist', () => {
    const file = path.join(tmp, 'no-such-matrix.json');
    expectClientError(() => loadMatrix(file), 'matrix-invalid', file);
  });

  it('naming a profile that is itself invalid, with the profile error', () => {
    const dir = path.join(tmp, 'bad-profiles');
    write({ ...android, id: 'broken', osVersion: 'abc' }, 'broken.json', dir);
    const file = write({ profiles: ['broken'], editions: ['lite'] });
    expectClientError(() => loadMatrix(file, dir), 'profile-invalid', 'broken.json', 'osVersion: must match pattern');
  });
});
