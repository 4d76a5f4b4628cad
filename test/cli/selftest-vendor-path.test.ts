/**
 * `mbsc selftest --vendor-path` as a user runs it: each variant's server its own process, validated over HTTP,
 * both columns printed; narrowed to the checks that claim each variant's requirements. Needs dist/.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MBSC_BIN, REPO_ROOT, runCli } from '../helpers/cli-process.js';

describe('mbsc selftest --vendor-path', () => {
  it('prints both columns: a variant caught without the clock, one that needs it, and the totals', async () => {
    const result = await runCli(
      [
        ...['selftest', '--vendor-path', '--claimed-only', '--seed', '5', '--runs', '10'],
        ...['--faults', 'registration-completable-twice,late-push-approved', '--profiles', 'redmi-note-8'],
      ],
      300_000,
    );
    expect(result.stderr).toContain('2 server variants');
    expect(result.stdout).toMatch(/registration-completable-twice\s+no\s+caught\s+(n\/a|caught)\s+caught\n/);
    // Without the clock its lifetime cannot be shown; with it (once the server offers one) it must be caught.
    expect(result.stdout).toMatch(
      /late-push-approved\s+yes\s+missed \(needs clock\)\s+(n\/a\s+missed without the clock \(needs it\)|caught\s+caught only with the clock)\n/,
    );
    expect(result.stdout).toContain('Without the clock: caught 1 of 2 (1 need no clock)');
    expect(result.stdout).toMatch(
      /With the clock: (n\/a: this server build has no conformance clock|caught 2 of 2; caught only with the clock: 1)/,
    );
    expect(result.code).toBe(0);
  });

  it('refuses an app variant and an unknown check before it starts anything', async () => {
    const app = await runCli(['selftest', '--vendor-path', '--faults', 'frees-documents']);
    expect(app.code).toBe(2);
    expect(app.stderr).toContain('frees-documents: faults of the app model; --vendor-path runs server variants only.');
    const check = await runCli(['selftest', '--vendor-path', '--checks', 'storage-layot']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('Did you mean "storage-layout"?');
  });

  it('stops every server it started when interrupted', { timeout: 180_000 }, async () => {
    const child = spawn(
      process.execPath,
      [MBSC_BIN, 'selftest', '--vendor-path', '--faults', 'file-names-decimal,file-names-unpadded-hex'],
      { cwd: REPO_ROOT, stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const servers = await childrenOf(child.pid as number);
    expect(servers.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    for (const pid of servers) expect(alive(pid), `server process ${pid}`).toBe(false);
  });
});

/** The processes `pid` has started, once it has started any (Linux /proc; bounded to 20 s). */
async function childrenOf(pid: number): Promise<number[]> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    if (listed) return listed.split(/\s+/).map(Number);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

/** Running: listed, and not a zombie (a killed child whose parent is gone waits there for init to reap it). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}
