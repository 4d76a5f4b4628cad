/**
 * storage-destination-drives through the protocol: the reference server's destination on one file system, moved to
 * another, with FAT's names; what this machine cannot stand for is named beside the pass.
 */
import { describe, expect, it } from 'vitest';
import { storageDestinationDrivesCheck } from '../../../../conformance/suites/storage/destination-drives.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, runChecks, verdictOf } from '../fixtures/run-checks.js';

const check = storageDestinationDrivesCheck;

describe('storage-destination-drives', () => {
  it('passes on the reference server and names the drives it could not stand for', async () => {
    const summary = await runChecks(new ReferenceTarget(['pro']), [check], 1);
    expect(cellsOf(summary, check.id)).toEqual([['pro', 'pass', undefined]]);
    expect(verdictOf(summary, 'STO-10')).toBe('pass');
    const cell = summary.checks.find((c) => c.checkId === check.id)?.cells[0];
    expect(Object.keys(cell?.notReachable ?? {})).toEqual(['a FAT flash drive', 'a network drive']);
  });

  it('fails a server that writes a name a FAT flash drive refuses', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['job-folder-time-with-colons'] });
    const summary = await runChecks(target, [check], 1);
    expect(verdictOf(summary, 'STO-10')).toBe('fail');
    expect(cellsOf(summary, check.id)[0]?.[2]).toMatch(/names a FAT flash drive refuses: .*":", which FAT refuses/);
  });
});
