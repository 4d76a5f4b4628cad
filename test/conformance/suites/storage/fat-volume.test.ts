/**
 * The FAT volume the storage check backs a device up onto: an image formatted and mounted through FUSE, a file
 * system of its own that refuses what FAT refuses, gone once unmounted.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fatVolumeOrLack, missingFatTools, mountFatVolume } from '../../../../conformance/suites/storage/fat-volume.js';

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

describe('the tools a FAT volume needs', () => {
  it('names each tool PATH does not hold as an executable file, and none once it does', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'mbsc-path-'));
    const executable = (name: string) => {
      writeFileSync(path.join(folder, name), '#!/bin/sh\n');
      chmodSync(path.join(folder, name), 0o755);
    };
    try {
      executable('fusefat');
      // Present but not executable, and a folder by the tool's name: no tool.
      writeFileSync(path.join(folder, 'fusermount'), '#!/bin/sh\n');
      mkdirSync(path.join(folder, 'mkfs.vfat'));
      const searchPath = ['', path.join(folder, 'absent'), folder].join(path.delimiter);
      expect(missingFatTools(searchPath)).toEqual(['mkfs.vfat', 'fusermount']);
      rmSync(path.join(folder, 'mkfs.vfat'), { recursive: true });
      for (const tool of ['mkfs.vfat', 'fusermount']) executable(tool);
      expect(missingFatTools(searchPath)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
