import { describe, expect, it } from 'vitest';
import { fileTypeChecks } from '../../../../conformance/suites/sources/file-types.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from '../fixtures/device-run.js';

describe('file types suite against the reference server', () => {
  it('passes on Android and iOS; documents and audio apply to Android only', async () => {
    const summary = await runDeviceChecks(fileTypeChecks);
    expect(cellTable(summary)).toEqual({
      'sources-file-types-photos-videos': passOn(ANDROID, IOS),
      'sources-file-types-documents-audio': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
    });
    const ids = ['FTYPE-01', 'FTYPE-02', 'FTYPE-03', 'FTYPE-04', 'FTYPE-05', 'FTYPE-06'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
