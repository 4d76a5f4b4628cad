import { describe, expect, it } from 'vitest';
import { backupSourcesChecks } from '../../../../conformance/suites/sources/offered-and-selected.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from '../fixtures/device-run.js';

describe('backup sources suite against the reference server', () => {
  it('passes on Android and iOS; platform and SD card checks skip where they do not apply', async () => {
    const summary = await runDeviceChecks(backupSourcesChecks);
    expect(cellTable(summary)).toEqual({
      'sources-offered-android': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
      'sources-offered-ios': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)],
      'sources-at-least-one': passOn(ANDROID, IOS),
      'sources-selected-only': passOn(ANDROID, IOS),
      'sources-sd-card': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
    });
    const ids = ['SRC-01', 'SRC-02', 'SRC-03', 'SRC-04', 'SRC-05', 'SRC-06', 'SRC-07', 'SRC-08'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });

  it('skips the SD card check on an Android phone without one', async () => {
    const summary = await runDeviceChecks(
      backupSourcesChecks.filter((c) => c.id === 'sources-sd-card'),
      {
        profiles: ['redmi-note-8'],
      },
    );
    expect(cellTable(summary)).toEqual({
      'sources-sd-card': [skipOn('redmi-note-8', 'redmi-note-8 has no SD card')],
    });
  });
});
