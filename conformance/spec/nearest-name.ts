/** "Did you mean …?" for unknown names in input: the closest known name by edit distance, if it is close enough. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** Case, dashes, dots, spaces and underscores do not tell names apart for a suggestion: `iPhone 12` is `iphone-12`. */
const plain = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The known name the input most likely meant: one that reads the same once case and separators are dropped; else the
 * shortest that starts with the input (`iphone12` → `iphone-12-mini`, never `iphone-13`, one edit away but another
 * model) or contains it (`pixel-9` → `google-pixel-9`); else the nearest by edit distance, if it is close enough.
 */
export function nearestName(input: string, known: readonly string[]): string | undefined {
  const wanted = plain(input);
  const same = known.find((name) => plain(name) === wanted);
  if (same !== undefined) return same;
  const shortest = (names: string[]) => names.sort((a, b) => plain(a).length - plain(b).length)[0];
  const starting = wanted.length >= 3 ? known.filter((name) => plain(name).startsWith(wanted)) : [];
  if (starting.length > 0) return shortest(starting);
  const containing = wanted.length >= 4 ? known.filter((name) => plain(name).includes(wanted)) : [];
  if (containing.length > 0) return shortest(containing);
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(input.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** ` Did you mean "x"?` or '' — ready to append to an error message. */
export function didYouMean(input: string, known: readonly string[]): string {
  const near = nearestName(input, known);
  return near ? ` Did you mean "${near}"?` : '';
}
