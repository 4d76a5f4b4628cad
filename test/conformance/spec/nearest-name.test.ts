/** "Did you mean": the name a person most likely meant, not merely the one fewest edits away. */
import { describe, expect, it } from 'vitest';
import { didYouMean, nearestName } from '../../../conformance/spec/nearest-name.js';

const PROFILES = ['iphone-13', 'iphone-12-mini', 'iphone-16-pro-max', 'google-pixel-9', 'redmi-note-8', 'iphone-6s'];

describe('nearestName', () => {
  it('reads names alike once case and separators are dropped', () => {
    expect(nearestName('Redmi Note 8', PROFILES)).toBe('redmi-note-8');
    expect(nearestName('IPHONE_13', PROFILES)).toBe('iphone-13');
  });

  it('prefers a name the input begins over one a single edit away', () => {
    expect(nearestName('iphone12', PROFILES)).toBe('iphone-12-mini');
    expect(nearestName('iphone-16', PROFILES)).toBe('iphone-16-pro-max');
  });

  it('finds a name that contains the input', () => {
    expect(nearestName('pixel-9', PROFILES)).toBe('google-pixel-9');
  });

  it('falls back to edit distance, and suggests nothing far off', () => {
    expect(nearestName('discovr', ['serve', 'discover', 'demo'])).toBe('discover');
    expect(nearestName('prp', ['pro', 'lite', 'home'])).toBe('pro');
    expect(nearestName('nokia-3310', PROFILES)).toBeUndefined();
    expect(didYouMean('zz', PROFILES)).toBe('');
  });
});
