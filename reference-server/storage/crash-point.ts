/**
 * The reference server's crash points, for conformance testing only (conformance/spec/crash-points.ts): where one is
 * armed, the server dies there with SIGKILL, so that the kit judges what a crash at that moment keeps.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CRASH_POINT_FILE, type CrashPoint } from '../../conformance/spec/crash-points.js';

export type CrashPointHook = (point: CrashPoint) => void;

/** The hook of a server whose crash points are on: it dies at the point the data directory's file names. */
export function crashPointsIn(dataDir: string): CrashPointHook {
  const file = path.join(dataDir, CRASH_POINT_FILE);
  return (point) => {
    let armed: string;
    try {
      armed = readFileSync(file, 'utf8').trim();
    } catch {
      return;
    }
    if (armed !== point) return;
    rmSync(file, { force: true });
    process.kill(process.pid, 'SIGKILL');
  };
}
