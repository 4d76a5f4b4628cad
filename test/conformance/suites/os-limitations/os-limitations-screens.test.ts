/** The OS limitation checks through the screens, on the reference app and on apps that break one rule. */
import { describe, expect, it } from 'vitest';
import { UI_OS_RESTORE_CHECKS } from '../../../../conformance/suites/os-limitations/restored-files-screens.js';
import { UI_OS_LIMITATION_CHECKS } from '../../../../conformance/suites/os-limitations/left-out-of-backup-screens.js';
import type { MediaInit, MediaItem } from '../../../../simulators/device/media.js';
import type { SimulatorSession } from '../../../../simulators/session/simulator-session.js';
import { ANDROID, IOS, passOn, skipOn } from '../fixtures/device-run.js';
import { runOnScreens, screensApp } from '../fixtures/ui-broken-apps.js';

const androidOnly = [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')];
const iosOnly = [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)];

/** An app whose restores change what `change` changes: a file put on the phone again is a restored one. */
const restoring = (change: (init: MediaInit, earlier: MediaItem, s: SimulatorSession) => MediaInit) =>
  screensApp([], (s) => {
    const add = s.device.addMedia.bind(s.device);
    const first = new Map<number, MediaItem>();
    s.device.addMedia = (init) => {
      const earlier = first.get(init.contentSeed);
      const item = add(earlier ? change(init, earlier, s) : init);
      if (!earlier) first.set(init.contentSeed, item);
      return item;
    };
  });

describe('OS limitations through the screens', () => {
  it('pass on the platform each applies to', async () => {
    const { cells, verdictOf, verdict } = await runOnScreens([...UI_OS_LIMITATION_CHECKS, ...UI_OS_RESTORE_CHECKS]);
    expect(cells).toEqual({
      'os-limitations-documents-internal-only-screens': androidOnly,
      'os-limitations-ios-heif-not-backed-up-on-android-screens': androidOnly,
      'os-limitations-itunes-sync-not-backed-up-screens': iosOnly,
      'os-limitations-restore-ios-heif-to-android-screens': androidOnly,
      'os-limitations-restore-original-place-screens': androidOnly,
      'os-limitations-restore-new-ids-screens': iosOnly,
    });
    for (const id of ['LIM-01', 'LIM-02', 'LIM-03', 'LIM-04', 'RST-09', 'RST-11']) expect(verdictOf(id)).toBe('pass');
    for (const id of ['LIM-05', 'LIM-06', 'LIM-07', 'LIM-08']) expect(verdictOf(id)).toBe('untested');
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catch an app that backs up iTunes-synced media', async () => {
    const { failed, verdictOf } = await runOnScreens(UI_OS_LIMITATION_CHECKS, screensApp(['itunes-synced-backed-up']));
    expect(
      failed('os-limitations-itunes-sync-not-backed-up-screens').map((c) => [c.column, c.failure?.requirements]),
    ).toEqual([[`${IOS} @ pro`, ['LIM-04']]]);
    expect(verdictOf('LIM-04')).toBe('fail');
    expect(verdictOf('LIM-01')).toBe('pass');
  }, 60_000);

  it("catch an app that backs up every supported file: the SD card's documents, an iPhone's HEIF, iTunes' media", async () => {
    const everything = screensApp([], (s) => {
      s.app.eligibleItems = () => s.device.mediaItems().filter((m) => m.kind !== undefined);
    });
    const { verdictOf } = await runOnScreens(UI_OS_LIMITATION_CHECKS, everything);
    expect([verdictOf('LIM-01'), verdictOf('LIM-02'), verdictOf('LIM-04')]).toEqual(['fail', 'fail', 'fail']);
  }, 60_000);

  it('catch restores that move Android files, keep iOS ids and names, or turn HEIF into JPEG', async () => {
    const moved = restoring((init, earlier, s) =>
      s.device.platform === 'ios'
        ? { ...init, id: earlier.id, name: earlier.name }
        : { ...init, path: `/storage/emulated/0/Restored/${init.name}` },
    );
    const places = await runOnScreens(UI_OS_RESTORE_CHECKS.slice(1), moved);
    expect(places.failed('os-limitations-restore-original-place-screens')[0]?.failure?.requirements).toEqual([
      'RST-09',
    ]);
    expect(places.failed('os-limitations-restore-new-ids-screens')[0]?.failure?.requirements).toEqual(['RST-11']);
    // HEIF/HEIC files land on the Android phone as JPEG (the iPhone keeps its own).
    const jpeg = screensApp([], (s) => {
      const add = s.device.addMedia.bind(s.device);
      if (s.device.platform === 'android') {
        s.device.addMedia = (init) => add({ ...init, name: init.name.replace(/\.hei[cf]$/i, '.jpg') });
      }
    });
    const heif = await runOnScreens(UI_OS_RESTORE_CHECKS.slice(0, 1), jpeg);
    expect(heif.failed('os-limitations-restore-ios-heif-to-android-screens')[0]?.failure?.message).toMatch(
      /^files on the Android device: got/,
    );
    expect(heif.verdictOf('LIM-03')).toBe('fail');
  }, 120_000);
});
