import { describe, expect, it } from 'vitest';
import { loadAllProfiles, loadProfile } from '../../../devices/load-profiles.js';
import { AppLog, LOG_TYPES } from '../../../simulators/app/app-log.js';
import { MobileApp } from '../../../simulators/app/mobile-app.js';
import { isOsSupported } from '../../../simulators/app/os-support.js';
import { SimulatedDevice } from '../../../simulators/device/simulated-device.js';
import { VirtualClock } from '../../../simulators/clock/virtual-clock.js';

describe('app log', () => {
  it('has ten types and filters them, newest first', () => {
    expect(LOG_TYPES).toHaveLength(10);
    expect(LOG_TYPES).toContain('Free up space Error');
    let now = 0;
    const log = new AppLog(() => now);
    log.add('General', 'Info', 'started');
    now = 5;
    log.add('Backup', 'Error', 'network lost');
    now = 9;
    log.add('2FA', 'Info', 'registered');
    expect(log.visible().map((e) => [e.at, e.type])).toEqual([
      [9, '2FA Info'],
      [5, 'Backup Error'],
      [0, 'General Info'],
    ]);
    log.setFilter(['Backup Error', 'Restore Error']);
    expect(log.visible().map((e) => e.message)).toEqual(['network lost']);
  });
});

describe('the app on every device profile', () => {
  it('installs on every supported profile and refuses the iPhone 5', () => {
    const clock = new VirtualClock();
    for (const profile of loadAllProfiles()) {
      const device = new SimulatedDevice(profile, clock);
      if (isOsSupported(profile.platform, profile.osVersion)) expect(new MobileApp(device).sources.photos).toBe(true);
      else expect(() => new MobileApp(device), profile.id).toThrow(expect.objectContaining({ code: 'os-unsupported' }));
    }
    expect(() => new MobileApp(new SimulatedDevice(loadProfile('iphone-5'), clock))).toThrow(
      expect.objectContaining({ code: 'os-unsupported', message: expect.stringContaining('iOS 12 or later') }),
    );
  });
});
