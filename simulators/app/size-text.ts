/**
 * How the restore pages write a total size (seed 000 §6.2.2.1: "163 photos with total size of 2.78GB and 10 videos
 * with total size of 27.43MB"): two decimals and the largest unit the size reaches, with no space, in steps of 1000
 * (the catalogue reads GB as 10^9 bytes, as free up space does); under 1 KB, whole bytes ("512B").
 */
const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes}B`;
  let value = bytes / 1000;
  let unit = 0;
  // Rounding decides the unit: 999,996 bytes is "1.00MB", not "1000.00KB".
  while (Math.round(value * 100) >= 100_000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(2)}${UNITS[unit]}`;
}
