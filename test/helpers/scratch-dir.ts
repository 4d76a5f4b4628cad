/** Temporary folders that a test makes and that go, with their content, once it has finished. */
import { rmSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { tempDir } from './test-server.js';

/** A new temporary folder, removed with its content once the running test has finished, passed or not. */
export function scratchDir(prefix?: string): string {
  const dir = tempDir(prefix);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
