/**
 * A FAT volume of this machine's own, as a flash drive is formatted: an image file made by mkfs.vfat and mounted
 * through FUSE (fusefat), which needs no FAT driver in the kernel. It needs root, /dev/fuse, dosfstools and fusefat;
 * without one of them `fatVolumeLack` says which is missing, and the checks that want the volume say so beside their
 * verdict. fusefat falls short of a FAT drive mounted by the kernel in two ways: it maps no shared memory (SQLite's
 * WAL index) and takes ASCII names only.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
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
  /** Unmounts the volume and removes its image; safe to call twice. Throws, removing nothing, if it stays mounted. */
  unmount(): Promise<void>;
}

/** Whether `tool` is an executable file in a folder of `searchPath`: looked up here, not by starting `which`. */
function onPath(tool: string, searchPath: string): boolean {
  return searchPath.split(path.delimiter).some((folder) => {
    if (!folder) return false;
    const file = path.join(folder, tool);
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

const FAT_TOOLS = ['mkfs.vfat', 'fusefat', 'fusermount'];

/** The tools a FAT volume needs that no folder of `searchPath` (PATH by default) holds as an executable file. */
export function missingFatTools(searchPath = process.env.PATH ?? ''): string[] {
  return FAT_TOOLS.filter((tool) => !onPath(tool, searchPath));
}

/** Why no FAT volume can be mounted here, or undefined when everything it needs is present. */
export function fatVolumeLack(): string | undefined {
  if (process.getuid?.() !== 0) return 'mounting a FAT image through FUSE needs root';
  if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
  const missing = missingFatTools();
  return missing.length > 0 ? `no ${missing.join(', ')} (apt-get install -y dosfstools fusefat)` : undefined;
}

/** A mounted FAT volume, or why there is none: a tool missing, or the mount itself failing (a container without the right to mount). */
export async function fatVolumeOrLack(): Promise<{ volume?: FatVolume; lack?: string }> {
  const lack = fatVolumeLack();
  if (lack) return { lack };
  try {
    return { volume: await mountFatVolume() };
  } catch (error) {
    return { lack: `mounting a FAT image failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Unmounts `root`; lazily (detached now, released once unused) when a plain unmount fails, as on a busy volume. */
async function unmountAt(root: string): Promise<void> {
  const fusermount = (...args: string[]) => run('fusermount', [...args, root], { timeout: TOOL_TIMEOUT_MS });
  await fusermount('-u').catch(() => fusermount('-u', '-z'));
}

/** Formats a FAT image of `sizeMiB` and mounts it read-write; throws with the tool's message when one fails. */
export async function mountFatVolume(sizeMiB = 32): Promise<FatVolume> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mbsc-fat-'));
  const image = path.join(dir, 'fat.img');
  const root = path.join(dir, 'mnt');
  let mounted = false;
  const unmount = async () => {
    // Removing a folder that is still a mount point would delete what is on the volume, or fail half-way.
    if (mounted) await unmountAt(root);
    mounted = false;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await mkdir(root);
    await run('truncate', ['-s', `${sizeMiB}M`, image], { timeout: TOOL_TIMEOUT_MS });
    await run('mkfs.vfat', [image], { timeout: TOOL_TIMEOUT_MS });
    // Counted as mounted from here: fusefat may have mounted before it failed or ran out of time.
    mounted = true;
    await run('fusefat', ['-o', 'rw+', image, root], { timeout: TOOL_TIMEOUT_MS });
    return { root, unmount };
  } catch (error) {
    await unmountAt(root).catch(() => undefined);
    mounted = false;
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}
