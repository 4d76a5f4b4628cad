/**
 * The backup folder of a new pairing: a free `<name>/<epoch ms>`, reserved while the pairing is in progress so two
 * pairings at once never choose the same one, and made on disk with the file system's refusal of its name reported
 * as `invalid-name`.
 */
import { promises as fs } from 'node:fs';
import { MbsError } from '../../conformance/spec/errors.js';
import { deviceBackupPath, underRoot } from '../storage/layout.js';
import type { ServiceContext } from './context.js';

export async function makeBackupFolder(ctx: ServiceContext, backupPath: string): Promise<void> {
  try {
    await fs.mkdir(underRoot(ctx.layout, backupPath), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENAMETOOLONG' || code === 'EINVAL' || code === 'EILSEQ') {
      throw new MbsError('invalid-name', `The file system refuses the folder name (${code}).`);
    }
    throw error;
  }
}

/** Backup folders chosen by pairings still in progress, so two at once never choose the same one. */
const reservations = new WeakMap<object, Set<string>>();
export function reservedPaths(ctx: ServiceContext): Set<string> {
  let set = reservations.get(ctx.db);
  if (!set) reservations.set(ctx.db, (set = new Set()));
  return set;
}

/** `<name>/<epoch ms>`, moved on by a millisecond in the unlikely case that folder is already registered. */
export function freeBackupPath(ctx: ServiceContext, name: string, now: number): string {
  const taken = ctx.db.prepare('SELECT 1 FROM devices WHERE backup_path = ?');
  const reserved = reservedPaths(ctx);
  let at = now;
  while (taken.get(deviceBackupPath(name, at)) || reserved.has(deviceBackupPath(name, at))) at += 1;
  return deviceBackupPath(name, at);
}
