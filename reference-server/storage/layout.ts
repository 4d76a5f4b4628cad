/**
 * Where things live under the data directory. Backed-up items follow the seed's layout (seed 000 §10.2):
 * `<data>/<device name>/<registration epoch ms>/blocks/<yyyy-mm-dd-hh-mm-ss>/0/<hex sequence>.<EXT>`.
 * Server-private state lives in `<data>/.mbs/`, a name no device can take (device names never start with a dot).
 */
import path from 'node:path';
import { extensionOf } from '../../conformance/spec/file-types.js';

export interface Layout {
  readonly root: string;
  readonly database: string;
  readonly uploads: string;
}

export function layoutOf(root: string): Layout {
  const abs = path.resolve(root);
  return { root: abs, database: path.join(abs, '.mbs', 'mbs.sqlite'), uploads: path.join(abs, '.mbs', 'uploads') };
}

/** `<device name>/<registration epoch ms>`, relative to the data directory. */
export function deviceBackupPath(deviceName: string, registeredAt: number): string {
  return `${deviceName}/${registeredAt}`;
}

/**
 * The blocks folder name of a backup job started at `epochMs`, in the server's local time: the seed's listing pairs
 * registration 1626680595527 (07:43:15 UTC) with folder 2021-07-19-15-43-34, a desktop clock at UTC+8.
 */
export function blocksFolder(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}-${two(d.getMinutes())}-${two(d.getSeconds())}`;
}

/** `blocks/<folder>/0/<hex sequence>.<EXT>`, relative to the device backup path; at least six hex digits. */
export function storedItemPath(folder: string, seq: number, fileName: string): string {
  return `blocks/${folder}/0/${seq.toString(16).padStart(6, '0')}.${extensionOf(fileName).toUpperCase()}`;
}

export function partFile(layout: Layout, uploadId: string): string {
  return path.join(layout.uploads, `${uploadId}.part`);
}

/** Joins a relative stored path under the root, refusing anything that would leave it. */
export function underRoot(layout: Layout, ...relative: string[]): string {
  const full = path.resolve(layout.root, ...relative);
  if (full !== layout.root && !full.startsWith(layout.root + path.sep)) {
    throw new Error(`Path escapes the data directory: ${relative.join('/')}`);
  }
  return full;
}
