/** A long message is cut in its middle: its start and its end, where the expected value is, both stay. */
import { describe, expect, it } from 'vitest';
import { trimMiddle } from '../../../conformance/kit/trim-middle.js';

describe('trimMiddle', () => {
  it('leaves a text within the budget as it is', () => {
    expect(trimMiddle('got 3, expected 4', 17)).toBe('got 3, expected 4');
  });

  it('keeps both ends of a long text within the budget and says how much was cut', () => {
    const text = `got ${'x'.repeat(5000)}, expected 4`;
    const trimmed = trimMiddle(text, 300);
    expect(trimmed.length).toBeLessThanOrEqual(300);
    expect(trimmed.startsWith('got xxx')).toBe(true);
    expect(trimmed.endsWith(', expected 4')).toBe(true);
    const cut = Number(/…\[(\d+) characters cut\]…/.exec(trimmed)?.[1]);
    expect(trimmed.length - ` …[${cut} characters cut]… `.length + cut).toBe(text.length);
  });
});
