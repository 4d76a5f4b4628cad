/** The app's pure rules at their boundaries. */
import { describe, expect, it } from 'vitest';
import {
  defaultSources,
  eligibleItems,
  exclusionReason,
  updateSources,
} from '../../../simulators/app/backup-sources.js';
import { isValidHost } from '../../../simulators/app/connection.js';
import { planFreeUpSpace } from '../../../simulators/app/free-up-space.js';
import { isOsSupported } from '../../../simulators/app/os-support.js';
import { holdReasons } from '../../../simulators/app/run-conditions.js';
import { DEFAULT_SETTINGS, LANGUAGES } from '../../../simulators/app/settings.js';
import { formatCounts } from '../../../simulators/app/mobile-app.js';
import { mediaItem } from '../../../simulators/device/media.js';
import { GB, media } from '../../helpers/sim.js';

const lan = { onBackupLan: true, charging: false };

describe('settings', () => {
  it('has the seed defaults and 31 languages with English', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      automatedBackup: true,
      backupWhileChargingOnly: false,
      powerSaving: true,
      enhancedSecurity2fa: false,
      freeUpSpace: false,
      freeUpSpaceLimitGb: 2,
      language: 'English',
    });
    expect(LANGUAGES).toHaveLength(31);
  });
});

describe('run conditions', () => {
  it('holds below 30% with power saving on; 30% runs; power saving off never holds for battery', () => {
    expect(holdReasons('backup', { ...lan, batteryLevel: 29 }, DEFAULT_SETTINGS)).toEqual(['battery-low']);
    expect(holdReasons('backup', { ...lan, batteryLevel: 30 }, DEFAULT_SETTINGS)).toEqual([]);
    expect(holdReasons('backup', { ...lan, batteryLevel: 31 }, DEFAULT_SETTINGS)).toEqual([]);
    expect(holdReasons('restore', { ...lan, batteryLevel: 29, charging: true }, DEFAULT_SETTINGS)).toEqual([
      'battery-low',
    ]);
    expect(holdReasons('backup', { ...lan, batteryLevel: 0 }, { ...DEFAULT_SETTINGS, powerSaving: false })).toEqual([]);
  });

  it('holds a backup (not a restore) while unplugged with charging-only on, and both off the LAN', () => {
    const chargingOnly = { ...DEFAULT_SETTINGS, backupWhileChargingOnly: true };
    expect(holdReasons('backup', { ...lan, batteryLevel: 90 }, chargingOnly)).toEqual(['not-charging']);
    expect(holdReasons('backup', { ...lan, batteryLevel: 90, charging: true }, chargingOnly)).toEqual([]);
    expect(holdReasons('restore', { ...lan, batteryLevel: 90 }, chargingOnly)).toEqual([]);
    expect(holdReasons('backup', { onBackupLan: false, charging: false, batteryLevel: 10 }, chargingOnly)).toEqual([
      'not-on-backup-lan',
      'battery-low',
      'not-charging',
    ]);
  });
});

describe('OS versions', () => {
  it('runs on Android 8+ and iOS 12.0+', () => {
    expect(isOsSupported('android', '7.1.2')).toBe(false);
    expect(isOsSupported('android', '8')).toBe(true);
    expect(isOsSupported('android', '8.1')).toBe(true);
    expect(isOsSupported('ios', '11.4')).toBe(false);
    expect(isOsSupported('ios', '10.3.4')).toBe(false);
    expect(isOsSupported('ios', '12.0')).toBe(true);
    expect(isOsSupported('ios', '12.5.7')).toBe(true);
  });
});

describe('backup sources', () => {
  const item = (name: string, extra = {}) => mediaItem(media(name, 10, 0, extra), name);

  it('selects documents on Android only, and needs at least one source', () => {
    expect(defaultSources('ios').documents).toBe(false);
    expect(defaultSources('android').documents).toBe(true);
    expect(() => updateSources('ios', defaultSources('ios'), { documents: true })).toThrow(
      expect.objectContaining({ code: 'backup-source-empty' }),
    );
    const one = updateSources('android', defaultSources('android'), { photos: false, videos: false, documents: false });
    expect(one.twoFactorAccounts).toBe(true);
    expect(() => updateSources('android', one, { twoFactorAccounts: false })).toThrow(
      expect.objectContaining({ code: 'backup-source-empty' }),
    );
  });

  it('leaves out what the seed says is not backed up', () => {
    const sources = defaultSources('android');
    expect(exclusionReason('android', sources, item('a.pdf', { storage: 'sd' }))).toMatch(/internal/);
    expect(exclusionReason('android', sources, item('a.pdf'))).toBeUndefined();
    expect(exclusionReason('android', sources, item('a.mp3'))).toBeUndefined();
    expect(exclusionReason('android', sources, item('a.heic', { origin: 'ios-import' }))).toMatch(/HEIF/);
    expect(exclusionReason('android', sources, item('a.jpg', { origin: 'ios-import' }))).toBeUndefined();
    expect(exclusionReason('android', sources, item('a.jpeg'))).toMatch(/unsupported/);
    expect(exclusionReason('ios', defaultSources('ios'), item('a.jpg', { origin: 'itunes-sync' }))).toMatch(/iTunes/);
    expect(exclusionReason('ios', defaultSources('ios'), item('a.docx'))).toMatch(/iOS/);
    expect(
      eligibleItems('android', { ...sources, videos: false }, [item('a.mp4'), item('b.png')]).map((i) => i.name),
    ).toEqual(['b.png']);
  });
});

describe('free up space (limit ± 1 byte)', () => {
  const items = [
    mediaItem(media('new.jpg', 100, 3000), 'n'),
    mediaItem(media('old.jpg', 100, 1000), 'o'),
    mediaItem(media('mid.mp4', 100, 2000), 'm'),
    mediaItem(media('doc.pdf', 100, 0), 'd'),
  ];
  const all = () => true;

  it('does nothing at or above the limit', () => {
    expect(planFreeUpSpace(2 * GB, 2, items, all).remove).toEqual([]);
    expect(planFreeUpSpace(2 * GB + 1, 2, items, all).remove).toEqual([]);
  });

  it('removes confirmed photos and videos, oldest first, just until the limit; never documents', () => {
    expect(planFreeUpSpace(2 * GB - 1, 2, items, all).remove.map((i) => i.name)).toEqual(['old.jpg']);
    expect(planFreeUpSpace(2 * GB - 101, 2, items, all).remove.map((i) => i.name)).toEqual(['old.jpg', 'mid.mp4']);
    const plan = planFreeUpSpace(0, 2, items, all);
    expect(plan.remove.map((i) => i.name)).toEqual(['old.jpg', 'mid.mp4', 'new.jpg']);
    expect(plan.reachesLimit).toBe(false);
  });

  it('never removes an item the server has not confirmed', () => {
    const plan = planFreeUpSpace(2 * GB - 1, 2, items, (i) => i.name !== 'old.jpg');
    expect(plan.remove.map((i) => i.name)).toEqual(['mid.mp4']);
  });
});

describe('connection settings and counts', () => {
  it('validates host names and addresses; the seed example is refused', () => {
    for (const ok of ['192.168.1.10', 'backup-pc', 'nas.local', '::1', 'fe80::1'])
      expect(isValidHost(ok), ok).toBe(true);
    for (const bad of ['123.456.7&.115', '123.456.7.115', '', 'a..b', '-x', 'a b', 'x'.repeat(254)])
      expect(isValidHost(bad), bad).toBe(false);
  });

  it('formats the result line as the seed shows it', () => {
    const counts = { photos: 49, videos: 5, files: 0, twoFactorAccounts: 2 };
    expect(formatCounts(counts, 'android')).toBe('49 Photos, 5 Videos, 0 Files, and 2 2FA Accounts');
    expect(formatCounts({ ...counts, photos: 46, videos: 0 }, 'ios')).toBe('46 Photos, 0 Videos, and 2 2FA Accounts');
  });
});
