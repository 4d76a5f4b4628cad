/**
 * The FAT volume the storage check backs a device up onto: an image formatted and mounted through FUSE, a file
 * system of its own that refuses what FAT refuses, gone once unmounted.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fatVolumeLack, fatVolumeOrLack, mountFatVolume } from '../../../../conformance/suites/storage/fat-volume.js';

// Tried once: root with /dev/fuse and the tools may still be refused the mount (a container without the right).
const probe = await fatVolumeOrLack();
await probe.volume?.unmount();
const lack = probe.lack;

describe(`a FAT volume through FUSE${lack ? ` (skipped: ${lack})` : ''}`, () => {
  it.skipIf(lack !== undefined)(
    'mounts a file system of its own, keeps a file, refuses a colon, unmounts',
    async () => {
      const volume = await mountFatVolume();
      try {
        expect(statSync(volume.root).dev).not.toBe(statSync(tmpdir()).dev);
        await writeFile(path.join(volume.root, 'Long name photo.jpeg'), 'bytes');
        expect(await readFile(path.join(volume.root, 'Long name photo.jpeg'), 'utf8')).toBe('bytes');
        await expect(writeFile(path.join(volume.root, '12:30.txt'), 'x')).rejects.toThrow();
      } finally {
        await volume.unmount();
        await volume.unmount();
      }
      expect(existsSync(volume.root)).toBe(false);
    },
  );
});

describe.skipIf(process.getuid?.() !== 0 || !existsSync('/dev/fuse'))('the tools a FAT volume needs', () => {
  it('names each tool PATH does not hold as an executable, and none once it does', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'mbsc-path-'));
    const saved = process.env.PATH;
    try {
      writeFileSync(path.join(folder, 'fusefat'), '#!/bin/sh\n');
      chmodSync(path.join(folder, 'fusefat'), 0o755);
      // Present but not executable: no tool.
      writeFileSync(path.join(folder, 'fusermount'), '#!/bin/sh\n');
      process.env.PATH = ['', folder].join(path.delimiter);
      expect(fatVolumeLack()).toBe('no mkfs.vfat, fusermount (apt-get install -y dosfstools fusefat)');
      for (const tool of ['mkfs.vfat', 'fusermount']) {
        writeFileSync(path.join(folder, tool), '#!/bin/sh\n');
        chmodSync(path.join(folder, tool), 0o755);
      }
      expect(fatVolumeLack()).toBeUndefined();
    } finally {
      process.env.PATH = saved;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
