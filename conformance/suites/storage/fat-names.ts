/**
 * What a FAT file system (a flash drive's) refuses in the names a server writes into its destination: the
 * characters FAT's long names leave out, control characters, a name ending in a dot or a space, a name over 255
 * UTF-16 units; and, since FAT compares names without case, two files whose paths differ only in case (the second
 * would overwrite the first there). Folders that differ only in case merge on FAT and stay apart by what is in
 * them, so they are no finding.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

// eslint-disable-next-line no-control-regex
const FAT_REFUSES = /[\u0000-\u001f"*/:<>?\\|]/;
const FAT_NAME_UNITS = 255;

/** Why FAT refuses one name, or undefined. */
export function fatNameProblem(name: string): string | undefined {
  const refused = FAT_REFUSES.exec(name);
  if (refused) return `"${name}" holds ${JSON.stringify(refused[0])}, which FAT refuses in a name`;
  if (/[. ]$/.test(name)) return `"${name}" ends in a dot or a space, which FAT drops`;
  if (name.length > FAT_NAME_UNITS) return `"${name.slice(0, 40)}…" is ${name.length} units long; FAT takes 255`;
  return undefined;
}

/** Every problem FAT would have with the files and folders under `root`, as paths relative to it. */
export async function fatProblemsUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const problems: string[] = [];
  const files = new Map<string, string>();
  for (const entry of entries) {
    const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    const problem = fatNameProblem(entry.name);
    if (problem) problems.push(`${relative}: ${problem}`);
    if (!entry.isFile()) continue;
    const folded = relative.toUpperCase();
    const other = files.get(folded);
    if (other) problems.push(`${relative} and ${other} differ only in case: one file on FAT`);
    files.set(folded, relative);
  }
  return problems;
}
