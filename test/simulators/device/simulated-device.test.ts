import { describe, expect, it } from 'vitest';
import { contentOf, sameContent, sha256Of } from '../../../simulators/device/media.js';
import { RECENTLY_DELETED_MS } from '../../../simulators/device/simulated-device.js';
import { VirtualClock } from '../../../simulators/clock/virtual-clock.js';
import { device, GB, media } from '../../helpers/sim.js';

describe('simulated device', () => {
  it('generates the same bytes for the same seed, other bytes for another', () => {
    expect(contentOf({ contentSeed: 1, size: 1000 }).equals(contentOf({ contentSeed: 1, size: 1000 }))).toBe(true);
    expect(sha256Of({ contentSeed: 1, size: 1000 })).not.toBe(sha256Of({ contentSeed: 2, size: 1000 }));
    expect(contentOf({ contentSeed: 3, size: 0 }).length).toBe(0);
  });

  it('gives each caller its own copy of bytes it keeps, and the same bytes above the kept size', () => {
    const first = contentOf({ contentSeed: 4, size: 2000 });
    const original = Buffer.from(first);
    first.fill(0);
    expect(contentOf({ contentSeed: 4, size: 2000 }).equals(original)).toBe(true);
    // A small item's bytes are the start of a larger one's of the same seed (one key stream), kept or not.
    const large = contentOf({ contentSeed: 4, size: 100_000 });
    expect(large.subarray(0, 2000).equals(original)).toBe(true);
    expect(contentOf({ contentSeed: 4, size: 100_000 }).equals(large)).toBe(true);
  });

  it('hashes the bytes it always made: a seed and a size name the same content in every run', () => {
    expect(sha256Of({ contentSeed: 5, size: 3000 })).toBe(
      '2e5f1b636104bcd1ca4ab618b0ab5971ef96a225bd5be8c40cdef436d8c6398e',
    );
    expect(sha256Of({ contentSeed: 5, size: 100_000 })).toBe(
      '58c5ed6fff114406869ee55e41a488f72244c5bbe9a642fa928957b59d0c303e',
    );
    expect(sha256Of({ contentSeed: 123456789012, size: 1 })).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it("tells an item's exact bytes from one changed byte or another length, kept or not", () => {
    for (const size of [1, 2000, 100_000]) {
      const item = { contentSeed: 6, size };
      const bytes = contentOf(item);
      expect(sameContent(item, bytes)).toBe(true);
      expect(sameContent(item, bytes.subarray(0, size - 1))).toBe(false);
      expect(sameContent(item, Buffer.concat([bytes, Buffer.alloc(1)]))).toBe(false);
      bytes.writeUInt8(bytes.readUInt8(size - 1) ^ 1, size - 1);
      expect(sameContent(item, bytes)).toBe(false);
      // The comparison changed nothing it keeps.
      expect(sameContent(item, contentOf(item))).toBe(true);
    }
  });

  it('types media by extension and counts internal storage only', () => {
    const phone = device('android');
    const before = phone.freeBytes();
    const photo = phone.addMedia(media('a.jpg', 1000));
    const onSd = phone.addMedia(media('b.mp4', 5000, 0, { storage: 'sd', path: '/storage/1A2B-3C4D/DCIM/b.mp4' }));
    const unknown = phone.addMedia(media('c.webp', 10));
    expect([photo.kind, onSd.kind, unknown.kind]).toEqual(['photo', 'video', undefined]);
    expect(phone.freeBytes()).toBe(before - 1010);
  });

  it('refuses media that does not fit, an SD card it lacks, and iTunes media on Android', () => {
    const phone = device('android');
    phone.setFreeBytes(100);
    expect(() => phone.addMedia(media('big.jpg', 101))).toThrow(expect.objectContaining({ code: 'storage-full' }));
    expect(phone.addMedia(media('fits.jpg', 100)).size).toBe(100);
    expect(phone.freeBytes()).toBe(0);
    const ios = device('ios');
    expect(() => ios.addMedia(media('x.jpg', 1, 0, { storage: 'sd' }))).toThrow(
      expect.objectContaining({ code: 'media-invalid' }),
    );
    expect(() => phone.addMedia(media('y.jpg', 1, 0, { origin: 'itunes-sync' }))).toThrow(
      expect.objectContaining({ code: 'media-invalid' }),
    );
  });

  it('keeps iOS deletions in Recently Deleted for 40 days, still using storage (40 days ± 1 ms)', () => {
    const clock = new VirtualClock(0);
    const phone = device('ios', {}, clock);
    const item = phone.addMedia(media('IMG_1.heic', 2 * GB));
    const free = phone.freeBytes();
    phone.removeMedia(item.id);
    expect(phone.mediaItems()).toEqual([]);
    expect(phone.freeBytes()).toBe(free);
    clock.advance(RECENTLY_DELETED_MS - 1);
    expect(phone.recentlyDeleted()).toHaveLength(1);
    expect(phone.freeBytes()).toBe(free);
    clock.advance(1);
    expect(phone.recentlyDeleted()).toHaveLength(0);
    expect(phone.freeBytes()).toBe(free + 2 * GB);
  });

  it('frees Android storage at once, and tells listeners about battery, power and network changes', () => {
    const phone = device('android');
    const events: string[] = [];
    phone.onChange((e) => events.push(e));
    const item = phone.addMedia(media('a.png', 10));
    const free = phone.freeBytes();
    phone.removeMedia(item.id);
    expect(phone.freeBytes()).toBe(free + 10);
    phone.setBattery(29, true);
    phone.setNetwork({ wifi: null });
    expect(phone.network.backupMachineReachable).toBe(false);
    expect(events).toEqual(['storage', 'storage', 'battery', 'power', 'network']);
    expect(() => phone.setBattery(101)).toThrow(RangeError);
  });
});
