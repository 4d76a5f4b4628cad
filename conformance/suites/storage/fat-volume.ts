/**
 * A FAT volume of this machine's own, as a flash drive is formatted: an image file made by mkfs.vfat and mounted
 * through FUSE (fusefat), which needs no FAT driver in the kernel. It needs root, /dev/fuse, dosfstools and fusefat;
 * without one of them `fatVolumeLack` says which, and the checks that want the volume say so beside their verdict.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Each tool's longest wait: formatting and mounting a small image take well under a second. */
const TOOL_TIMEOUT_MS = 20_000;

export interface FatVolume {
  /** Where the volume is mounted: a folder whose files live on the FAT image. */
  readonly root: string;
  /** Unmounts the volume and removes its image; safe to call twice. */
  unmount(): Promise<void>;
}

const onPath = (tool: string) => spawnSync('which', [tool], { stdio: 'ignore' }).status === 0;

/** Why no FAT volume can be mounted here, or undefined when everything it needs is present. */
export function fatVolumeLack(): string | undefined {
  if (process.getuid?.() !== 0) return 'mounting a FAT image through FUSE needs root';
  if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
  if (!onPath('mkfs.vfat') || !onPath('fusefat') || !onPath('fusermount')) {
    return 'no mkfs.vfat, fusefat or fusermount (apt-get install -y dosfstools fusefat)';
  }
  return undefined;
}

/** Formats a FAT image of `sizeMiB` and mounts it read-write; throws with the tool's message when one fails. */
export async function mountFatVolume(sizeMiB = 32): Promise<FatVolume> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mbsc-fat-'));
  const image = path.join(dir, 'fat.img');
  const root = path.join(dir, 'mnt');
  let mounted = false;
  const unmount = async () => {
    if (mounted) await run('fusermount', ['-u', root], { timeout: TOOL_TIMEOUT_MS }).catch(() => undefined);
    mounted = false;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await mkdir(root);
    await run('truncate', ['-s', `${sizeMiB}M`, image], { timeout: TOOL_TIMEOUT_MS });
    await run('mkfs.vfat', [image], { timeout: TOOL_TIMEOUT_MS });
    await run('fusefat', ['-o', 'rw+', image, root], { timeout: TOOL_TIMEOUT_MS });
    mounted = true;
    return { root, unmount };
  } catch (error) {
    await unmount();
    throw error;
  }
}
