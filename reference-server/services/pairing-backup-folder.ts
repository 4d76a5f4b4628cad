/**
 * The backup folder of a new pairing: a free `<name>/<epoch ms>`, reserved while the pairing is in progress so two
 * pairings at once never choose the same one, and made on disk with the file system's refusal of its name reported
 * as `invalid-name`.
 */
import { existsSync, promises as fs, rmdirSync } from 'node:fs';
import path from 'node:path';
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

/**
 * Undoes makeBackupFolder for a pairing refused after it: the folder, empty since nothing was recorded for it, and
 * its device-name folder when no other device or pairing in progress has a folder there. Only empty folders are
 * removed (rmdir), so nothing anyone wrote can go. Synchronous from the check to the removal: a pairing that
 * reserves a folder under the same name meanwhile cannot have its folder's parent taken from under it.
 */
export function removeBackupFolder(ctx: ServiceContext, backupPath: string): void {
  const quietly = (folder: string) => {
    try {
      rmdirSync(underRoot(ctx.layout, folder));
    } catch {
      // Not empty or already gone: either way nothing of this pairing is left there.
    }
  };
  quietly(backupPath);
  const nameFolder = path.posix.dirname(backupPath);
  const within = `${nameFolder}/`;
  const inUse =
    [...reservedPaths(ctx)].some((p) => p !== backupPath && p.startsWith(within)) ||
    ctx.db.prepare('SELECT 1 FROM devices WHERE substr(backup_path, 1, ?) = ?').get(within.length, within) !==
      undefined;
  if (!inUse) quietly(nameFolder);
}

/** Backup folders chosen by pairings still in progress, so two at once never choose the same one. */
const reservations = new WeakMap<object, Set<string>>();
export function reservedPaths(ctx: ServiceContext): Set<string> {
  let set = reservations.get(ctx.db);
  if (!set) reservations.set(ctx.db, (set = new Set()));
  return set;
}

/**
 * `<name>/<epoch ms>`, moved on by a millisecond while that folder is registered, reserved, or still on disk: a
 * removed device's files stay, and a new device of its name paired at the same time must not write among them.
 */
export function freeBackupPath(ctx: ServiceContext, name: string, now: number): string {
  const registered = ctx.db.prepare('SELECT 1 FROM devices WHERE backup_path = ?');
  const reserved = reservedPaths(ctx);
  const taken = (candidate: string) =>
    registered.get(candidate) !== undefined || reserved.has(candidate) || existsSync(underRoot(ctx.layout, candidate));
  let at = now;
  while (taken(deviceBackupPath(name, at))) at += 1;
  return deviceBackupPath(name, at);
}
