import { afterEach, describe, expect, it } from 'vitest';
import {
  blocksFolder,
  deviceBackupPath,
  layoutOf,
  storedItemPath,
  underRoot,
} from '../../../reference-server/storage/layout.js';

describe('storage layout (seed 000 §10.2)', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('names the blocks folder by the job start in local time, as the seed listing shows', () => {
    process.env.TZ = 'Asia/Hong_Kong';
    // Registration 1626680595527 is the seed's; its job folder is 2021-07-19-15-43-34.
    expect(blocksFolder(1626680614000)).toBe('2021-07-19-15-43-34');
    process.env.TZ = 'UTC';
    expect(blocksFolder(1626680614000)).toBe('2021-07-19-07-43-34');
  });

  it('names stored files by lower-case hex sequence and upper-case extension', () => {
    expect(deviceBackupPath('iPhone6s', 1626680595527)).toBe('iPhone6s/1626680595527');
    expect(storedItemPath('2021-07-19-15-43-34', 0x2d, 'IMG_0001.png')).toBe('blocks/2021-07-19-15-43-34/0/00002d.PNG');
    expect(storedItemPath('f', 1, 'a.tif')).toBe('blocks/f/0/000001.TIF');
    expect(storedItemPath('f', 0x1000000, 'a.Jpg')).toBe('blocks/f/0/1000000.JPG');
  });

  it('refuses any path that leaves the data directory', () => {
    const layout = layoutOf('/tmp/mbs-layout');
    expect(underRoot(layout, 'Phone/1/blocks/x')).toBe('/tmp/mbs-layout/Phone/1/blocks/x');
    expect(() => underRoot(layout, '../etc/passwd')).toThrow(/escapes/);
    expect(() => underRoot(layout, '/etc/passwd')).toThrow(/escapes/);
  });
});
