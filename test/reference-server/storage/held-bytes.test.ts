/**
 * The bodies under way share a fixed budget of held bytes: one or two bodies may hold a megabyte each, many 16 KB
 * each, and a body counts until it is released, once.
 */
import { describe, expect, it } from 'vitest';
import { heldBytesShare, holdBytes, MAX_SHARE_BYTES } from '../../../reference-server/storage/held-bytes.js';

describe('held bytes', () => {
  it('gives one body the most, many bodies a floor of 16 KB each, and takes a release once', () => {
    const releases = [holdBytes()];
    expect(heldBytesShare()).toBe(MAX_SHARE_BYTES);
    for (let i = 1; i < 200; i += 1) releases.push(holdBytes());
    expect(heldBytesShare()).toBe(16 * 1024);
    for (const release of releases.splice(4)) release();
    expect(heldBytesShare()).toBe(512 * 1024);
    releases[3]!();
    releases[3]!();
    expect(heldBytesShare()).toBe(Math.floor((2 * 1024 * 1024) / 3));
    for (const release of releases) release();
    expect(heldBytesShare()).toBe(MAX_SHARE_BYTES);
  });
});
