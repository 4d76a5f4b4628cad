/**
 * Where reports go and how they get there. Each file is written beside its final name and then renamed into place,
 * so a run killed mid-write leaves the previous report whole rather than half a file a CI step would then parse.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Relative to the working directory, as `mbsc run --out` is. */
export const DEFAULT_OUT_DIR = path.join('reports', 'out');

export interface WriterOptions {
  /** The output folder; `reports/out` by default. */
  readonly outDir?: string;
}

export function outDirOf(options: WriterOptions = {}): string {
  return path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
}

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, typeof content === 'string' ? 'utf8' : null);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
