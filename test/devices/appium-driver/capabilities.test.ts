/** The driver's capabilities, without Appium: what becomes a session, and what is refused with which code. */
import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import { sessionInitFromCapabilities } from '../../../devices/appium-driver/capabilities.js';

const base = { platformName: 'Android', automationName: 'MbsSimulator', serverUrl: 'http://127.0.0.1:50000' };

function refused(caps: Record<string, unknown>): string {
  try {
    sessionInitFromCapabilities(caps);
  } catch (error) {
    if (error instanceof ClientError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('session capabilities', () => {
  it('build a session from a profile, with inline options over it', () => {
    const init = sessionInitFromCapabilities({
      ...base,
      deviceProfile: 'redmi-note-8',
      device: { battery: { level: 15, charging: false } },
      clockStartMs: 1_700_000_000_000,
      chunkBytes: 4096,
    });
    expect(init.spec).toMatchObject({
      id: 'redmi-note-8',
      platform: 'android',
      battery: { level: 15, charging: false },
    });
    expect(init).toMatchObject({ serverUrl: base.serverUrl, startMs: 1_700_000_000_000, app: { chunkBytes: 4096 } });
  });

  it('run the app variants named in appium:faults, and refuse unknown or server ones', () => {
    const caps = { ...base, deviceProfile: 'redmi-note-8' };
    expect(sessionInitFromCapabilities({ ...caps, faults: ['frees-documents'] }).app).toEqual({
      faults: ['frees-documents'],
    });
    expect(refused({ ...caps, faults: ['frees-documnts'] })).toBe(
      'fault-unknown: Unknown fault "frees-documnts". Did you mean "frees-documents"?',
    );
    expect(refused({ ...caps, faults: ['stale-totp-accepted'] })).toMatch(
      /^capability-invalid: appium:faults takes variants of the app; stale-totp-accepted is a variant of the server/,
    );
  });

  it('build a session from a whole inline device', () => {
    const device = {
      id: 'lab-phone',
      name: 'Lab phone',
      model: 'LP-1',
      platform: 'ios',
      osVersion: '17.4',
      storageBytes: 64_000_000_000,
      systemBytes: 20_000_000_000,
      screenLock: 'passcode',
      biometric: 'face',
      camera: true,
      battery: { level: 50, charging: true },
    };
    expect(sessionInitFromCapabilities({ ...base, platformName: 'iOS', device }).spec).toEqual(device);
  });

  it.each([
    [
      { ...base, deviceProfile: 'redmi-note-8', devicProfile: 'x' },
      /^capability-invalid: .*"appium:devicProfile".*"appium:deviceProfile"/,
    ],
    [{ ...base, deviceProfile: 'pixel-9' }, /^profile-not-found: .*Did you mean "google-pixel-9"\?/],
    [{ ...base }, /^capability-invalid: Name a device/],
    [
      { ...base, serverUrl: 'ftp://x', deviceProfile: 'redmi-note-8' },
      /^capability-invalid: appium:serverUrl must be an http/,
    ],
    [
      { ...base, platformName: 'iOS', deviceProfile: 'redmi-note-8' },
      /is an Android device, but platformName is "iOS"/,
    ],
    [
      { ...base, deviceProfile: 'redmi-note-8', platformVersion: '11' },
      /platformVersion "11" differs from the device's OS version 10/,
    ],
    [{ ...base, deviceProfile: 'redmi-note-8', device: { screenLock: 'passcode' } }, /^profile-invalid: /],
  ])('refuse %j', (caps, message) => {
    expect(refused(caps)).toMatch(message);
  });
});
