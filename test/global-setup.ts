/**
 * Builds dist/ once before the tests, since several tests start the `mbsc` command as a child process, and gives the
 * run a scratch folder of its own: the temporary folders the tests, their `mbsc` processes and Chromium make go
 * under it (TMPDIR, which node:os and Chromium read), and it is removed when the run ends, so a test that forgets to
 * clean up, or is stopped half-way, leaves nothing there. The reference servers a run starts keep their data on
 * /dev/shm instead (conformance/targets/reference-target.ts), and remove it when they close.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const previous = process.env['TMPDIR'];
  const scratch = mkdtempSync(path.join(tmpdir(), 'mbsc-tests-'));
  process.env['TMPDIR'] = scratch;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    try {
      rmSync(scratch, { recursive: true, force: true });
    } catch (error) {
      // A volume a stopped test left mounted there cannot be removed; the run's verdict is the tests', not this.
      console.warn(`The tests' scratch folder ${scratch} was not removed: ${(error as Error).message}`);
    }
  };
}
