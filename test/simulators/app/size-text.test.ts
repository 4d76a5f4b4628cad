import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sizeText } from '../../../simulators/app/size-text.js';
import { sizeProblem } from '../../../conformance/suites/restore/size-shown.js';
import { SIZE_TEXT_FAULTS } from '../../../simulators/app/size-text.faulty.js';

describe('sizeText', () => {
  it('writes the seed’s examples', () => {
    expect(sizeText(2_780_000_000)).toBe('2.78GB');
    expect(sizeText(27_430_000)).toBe('27.43MB');
    expect(sizeText(512)).toBe('512B');
    expect(sizeText(0)).toBe('0B');
  });

  it('moves to the next unit when rounding reaches 1000', () => {
    expect(sizeText(999_996)).toBe('1.00MB');
    expect(sizeText(999_994)).toBe('999.99KB');
  });

  it('writes every size so that the oracle reads it back', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5e12 }), (bytes) => {
        expect(sizeProblem(sizeText(bytes), bytes)).toBeUndefined();
      }),
    );
  });
});

describe('sizeProblem', () => {
  it('refuses a wrong value, a space, a needless unit and bytes written as such', () => {
    expect(sizeProblem('2.79GB', 2_780_000_000)).toMatch(/for 2780000000 bytes/);
    expect(sizeProblem('2.78 GB', 2_780_000_000)).toMatch(/not written like/);
    expect(sizeProblem('0.50KB', 500)).toMatch(/not written like|for 500 bytes/);
    expect(sizeProblem('2780.00MB', 2_780_000_000)).toMatch(/not written like/);
    expect(sizeProblem('1000 bytes', 1000)).toMatch(/not written like/);
  });

  it('catches the faulty variant', () => {
    const faulty = SIZE_TEXT_FAULTS['sizes-in-binary-units'].sizeText();
    expect(sizeProblem(faulty(2_780_000_000), 2_780_000_000)).toBeDefined();
  });
});
