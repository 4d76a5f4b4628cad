/** The shipped profiles and default matrix: every file valid, the seed's devices present, the spread covered. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  defaultMatrixFile,
  defaultProfilesDir,
  loadAllProfiles,
  loadMatrix,
  loadProfile,
} from '../../devices/load-profiles.js';
import type * as LoaderModule from '../../devices/load-profiles.js';
import { GB } from '../../devices/profile-schema.js';
import { isOsSupported } from '../../simulators/app/os-support.js';
import { REPO_ROOT } from '../helpers/cli-process.js';

const dir = defaultProfilesDir();
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const profiles = loadAllProfiles();
const byId = new Map(profiles.map((p) => [p.id, p]));
const major = (osVersion: string) => Number.parseInt(osVersion, 10);

/** The devices seed 000 names (§2.2, §6.4.4, §7, §11.2): id, platform, name, allowed OS versions. */
const SEED_DEVICES = [
  ['redmi-note-8', 'android', 'Redmi Note 8', ['10']],
  ['huawei-p10', 'android', 'Huawei P10', ['8', '9']],
  ['samsung-note-10', 'android', 'Samsung Note 10', ['11', '12']],
  ['asus-x00id', 'android', 'ASUS_X00ID', ['8.1']],
  ['iphone-6s', 'ios', 'iPhone6s', ['15']],
  ['iphone-6', 'ios', 'iPhone 6', ['12.5.7']],
  ['iphone-5', 'ios', 'iPhone 5', ['10.3.4']],
] as const;

describe('device profiles', () => {
  it('come from this repository, found from the module folder', () => {
    expect(dir).toBe(path.join(REPO_ROOT, 'devices', 'profiles'));
  });

  it.each(files)('%s loads and matches the schema', (file) => {
    const profile = loadProfile(path.join(dir, file));
    expect(`${profile.id}.json`).toBe(file);
  });

  it('have ids equal to their file names, each once, about 20-24 in all', () => {
    const ids = profiles.map((p) => p.id);
    expect(ids).toEqual(files.map((f) => f.slice(0, -'.json'.length)).sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(ids.length).toBeLessThanOrEqual(24);
  });

  it.each(SEED_DEVICES)('include the seed device %s (%s, "%s")', (id, platform, name, versions) => {
    const profile = byId.get(id);
    expect(profile, id).toBeDefined();
    expect(profile?.platform).toBe(platform);
    expect(profile?.name).toBe(name);
    const os = profile?.osVersion ?? '';
    expect(
      versions.some((v) => os === v || os.startsWith(`${v}.`)),
      `${id} runs ${os}`,
    ).toBe(true);
  });

  it('mark iPhone 5 as the one device the app does not support', () => {
    expect(profiles.filter((p) => !isOsSupported(p.platform, p.osVersion)).map((p) => p.id)).toEqual(['iphone-5']);
    expect(byId.get('iphone-5')?.notes).toMatch(/not supported/i);
  });

  it('cover Android 8 to 15 and iOS 12 to 18', () => {
    const majors = (platform: string) =>
      new Set(profiles.filter((p) => p.platform === platform).map((p) => major(p.osVersion)));
    for (let v = 8; v <= 15; v++) expect(majors('android'), `Android ${v}`).toContain(v);
    for (let v = 12; v <= 18; v++) expect(majors('ios'), `iOS ${v}`).toContain(v);
  });

  it('spread storage from 16 GB to 512 GB and vary SD card, locks, biometrics and camera', () => {
    const storage = profiles.map((p) => p.storageBytes);
    expect(Math.min(...storage)).toBe(16 * GB);
    expect(Math.max(...storage)).toBe(512 * GB);
    expect(profiles.some((p) => p.platform === 'android' && p.sdCardBytes !== undefined)).toBe(true);
    expect(profiles.some((p) => p.platform === 'android' && p.sdCardBytes === undefined)).toBe(true);
    const noLock = profiles.filter((p) => p.screenLock === 'none' && p.biometric === 'none');
    expect(new Set(noLock.map((p) => p.platform))).toEqual(new Set(['android', 'ios']));
    for (const biometric of ['face', 'fingerprint'] as const) {
      expect(profiles.some((p) => p.biometric === biometric)).toBe(true);
    }
    expect(profiles.filter((p) => !p.camera).length).toBeGreaterThanOrEqual(1);
  });

  it('are frozen, so devices sharing one cannot change it', () => {
    const profile = loadProfile('redmi-note-8');
    expect(Object.isFrozen(profile)).toBe(true);
    expect(Object.isFrozen(profile.battery)).toBe(true);
  });
});

describe('default matrix', () => {
  const matrix = loadMatrix();

  it('is devices/matrix.default.json and runs all three editions', () => {
    expect(defaultMatrixFile()).toBe(path.join(REPO_ROOT, 'devices', 'matrix.default.json'));
    expect(matrix.editions).toEqual(['pro', 'lite', 'home']);
  });

  it('has at least 8 supported profiles over both platforms, including the ones the brief names', () => {
    expect(matrix.profiles.length).toBeGreaterThanOrEqual(8);
    for (const p of matrix.profiles) expect(isOsSupported(p.platform, p.osVersion), p.id).toBe(true);
    expect(new Set(matrix.profiles.map((p) => p.platform))).toEqual(new Set(['android', 'ios']));
    const ids = matrix.profiles.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['redmi-note-8', 'iphone-6s', 'samsung-note-10', 'iphone-6']));
    const has = (platform: string, v: number) =>
      matrix.profiles.some((p) => p.platform === platform && major(p.osVersion) === v);
    expect(has('android', 8) && has('android', 15) && has('ios', 18)).toBe(true);
  });
});

describe('compiled loader (dist/)', () => {
  it('finds the same profiles folder, though tsc copies no JSON into dist/', async () => {
    const compiled = path.join(REPO_ROOT, 'dist', 'devices', 'load-profiles.js');
    const loader = (await import(pathToFileURL(compiled).href)) as typeof LoaderModule;
    expect(loader.defaultProfilesDir()).toBe(dir);
    expect(loader.loadAllProfiles().map((p) => p.id)).toEqual(profiles.map((p) => p.id));
  });
});
