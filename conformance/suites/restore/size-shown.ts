/**
 * RST-18, the oracle of a size as the restore pages write it (seed 000 §6.2.2.1: "2.78GB", "27.43MB"): read back
 * from the text, not written the app's way and compared. Under 1 KB whole bytes ("512B"); otherwise two decimals and
 * no space, in the largest unit of 1000 that the rounded value reaches, so that the value lies in [1, 1000) and is
 * the size rounded to the hundredth.
 */
import { Violation } from '../../kit/violation.js';

const SHOWN = /^(\d+)B$|^(\d{1,3}\.\d{2})(KB|MB|GB|TB)$/;
const SCALE = { KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 } as const;

/** Why `shown` does not write `bytes` as the seed does, or undefined when it does. */
export function sizeProblem(shown: string, bytes: number): string | undefined {
  const match = SHOWN.exec(shown);
  if (!match) return `"${shown}" is not written like "2.78GB" (two decimals, the unit, no space) or "512B"`;
  if (match[1] !== undefined) {
    return Number(match[1]) === bytes && bytes < 1000 ? undefined : `"${shown}" for ${bytes} bytes`;
  }
  const value = Number(match[2]);
  const exact = bytes / SCALE[match[3] as keyof typeof SCALE];
  if (value < 1 || Math.abs(value - exact) > 0.005 + 1e-9) return `"${shown}" for ${bytes} bytes`;
  return undefined;
}

/**
 * A size not written as the seed writes sizes breaks RST-18; one written so but of another number of bytes breaks
 * the rules `ofBytes` names besides (a row's total, RST-13, where the text alone cannot tell the two apart).
 */
export function expectSizeShown(shown: string, bytes: number, where: string, ofBytes: readonly string[] = []): void {
  const problem = sizeProblem(shown, bytes);
  if (!problem) return;
  throw new Violation(SHOWN.test(shown) ? [...ofBytes, 'RST-18'] : ['RST-18'], `${where}: ${problem}`);
}
