/**
 * storage-destination-drives through the protocol: the reference server's destination on one file system, moved to
 * another and, where this machine can mount one, onto a FAT volume, with FAT's names; what this machine cannot stand
 * for is named beside the pass.
 */
import { describe, expect, it } from 'vitest';
import { storageDestinationDrivesCheck } from '../../../../conformance/suites/storage/destination-drives.js';
import { fatVolumeOrLack } from '../../../../conformance/suites/storage/fat-volume.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, runChecks, verdictOf } from '../fixtures/run-checks.js';

const check = storageDestinationDrivesCheck;
// Whether a FAT volume mounts here, tried once: root with /dev/fuse and the tools may still be refused the mount.
const probe = await fatVolumeOrLack();
await probe.volume?.unmount();
const fatLack = probe.lack;

describe('storage-destination-drives', () => {
  it(`passes on the reference server and names the drives it could not stand for (${fatLack ? `no FAT volume: ${fatLack}` : 'a FAT volume mounted'})`, async () => {
    const summary = await runChecks(new ReferenceTarget(['pro']), [check], 1);
    expect(cellsOf(summary, check.id)).toEqual([['pro', 'pass', undefined]]);
    expect(verdictOf(summary, 'STO-10')).toBe('pass');
    const cell = summary.checks.find((c) => c.checkId === check.id)?.cells[0];
    if (fatLack) {
      expect(cell?.notReachable).toEqual({
        'a FAT flash drive': expect.stringMatching(
          /; only the names the server writes are checked against FAT’s rules$/,
        ),
        'a network drive': expect.stringMatching(/no network file system/),
      });
    } else {
      // A device backed up onto the mounted FAT volume and passed there: only its driver's limit and the network
      // drive are left out.
      expect(Object.keys(cell?.notReachable ?? {})).toEqual(['names beyond ASCII on a FAT drive', 'a network drive']);
    }
  });

  it('fails a server that writes a name a FAT flash drive refuses', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['job-folder-time-with-colons'] });
    const summary = await runChecks(target, [check], 1);
    expect(verdictOf(summary, 'STO-10')).toBe('fail');
    expect(cellsOf(summary, check.id)[0]?.[2]).toMatch(/names a FAT flash drive refuses: .*":", which FAT refuses/);
  });

  it('fails a server that stores new files in the destination it first had, naming STO-08', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['new-files-to-first-destination'] });
    const summary = await runChecks(target, [check], 1);
    expect(verdictOf(summary, 'STO-08')).toBe('fail');
    expect(cellsOf(summary, check.id)[0]?.[2]).toMatch(/is missing from the destination .* on /);
  });
});
