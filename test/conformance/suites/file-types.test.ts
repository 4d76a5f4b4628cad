import { describe, expect, it } from 'vitest';
import { fileTypeChecks } from '../../../conformance/suites/file-types.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from './device-run.js';

describe('file types suite against the reference server', () => {
  it('passes on Android and iOS; documents and audio apply to Android only', async () => {
    const summary = await runDeviceChecks(fileTypeChecks);
    expect(cellTable(summary)).toEqual({
      'file-types-photos-videos': passOn(ANDROID, IOS),
      'file-types-documents-audio': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
    });
    const ids = ['FTYPE-01', 'FTYPE-02', 'FTYPE-03', 'FTYPE-04', 'FTYPE-05', 'FTYPE-06'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
