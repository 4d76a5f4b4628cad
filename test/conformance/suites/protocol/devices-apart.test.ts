import { describe, expect, it } from 'vitest';
import { devicesApartCheck } from '../../../../conformance/suites/protocol/devices-apart.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe('two devices holding apart', () => {
  it('pass on the reference server, Pro and Home', async () => {
    const summary = await runTwoFactor([devicesApartCheck]);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, devicesApartCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['pro', 'pass'],
      ['home', 'pass'],
    ]);
  });

  it.each([
    [
      'item-found-for-other-device',
      'BAK-08',
      /GET with the key of a device that never sent them.*expected item-not-found/,
    ],
    [
      'archive-reaches-other-device',
      'BAK-10',
      /reporting archived, from a device that never sent them.*expected item-not-found/,
    ],
    [
      'migration-archives-same-bytes-elsewhere',
      'NET-06',
      /after another device that held the same bytes migrated, this device's item is in tab archive/,
    ],
    [
      'removal-drops-same-bytes-elsewhere',
      'NET-06',
      /after removing another device that held the same bytes.*not listed/,
    ],
  ] as const)('catch %s', async (fault, requirement, message) => {
    const summary = await runTwoFactor([devicesApartCheck], {
      target: new ReferenceTarget(['pro'], { faults: [fault] }),
    });
    expect(verdictOf(summary, requirement)).toBe('fail');
    expect(cellsOf(summary, devicesApartCheck.id)[0]?.[2]).toMatch(message);
  });
});
