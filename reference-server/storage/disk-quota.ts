/**
 * A quota on the data directory, for a machine where the kit cannot give the server a small disk of its own: past
 * the quota, an upload's bytes are refused with the error a full disk gives (ENOSPC), so the server answers as it
 * does on a full disk. The quota counts every file under the data directory, the database and any file another
 * process puts there included, and guards the writes of items' bytes (the part files) and the database's own writes
 * (store/quota-writes.ts). Each guarded write walks the directory to count it: cheap for the small directories of
 * the kit's nemesis, slow for a data directory of many thousands of files.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { diskFullError } from './disk-full.js';

export class DiskQuota {
  constructor(
    readonly root: string,
    readonly bytes: number,
  ) {}

  /** Throws ENOSPC, as a full disk would, when `bytes` more would take the data directory past the quota. */
  claim(bytes: number): void {
    if (bytesUnder(this.root) + bytes > this.bytes) throw diskFullError('over the disk quota');
  }
}

/** The bytes of every file under `dir`, counted by their sizes. */
export function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(full);
    else if (entry.isFile()) total += lstatSync(full, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}
