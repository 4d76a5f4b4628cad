/**
 * `mbsc validate` against `mbsc serve` as separate processes, given what a vendor's server on this machine can give:
 * its data directory (--data-dir) and the command that starts another like it (--own-server). The storage-layout
 * and port checks then run instead of skipping; bad input is refused before anything starts, and an own-server
 * command that ends at once fails NET-04 when the kit held its default ports, else is an error of the check's setup,
 * both with its exit code and what it wrote; one whose server listens outside its edition's range fails that
 * edition's port rule, naming the port and the range.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MBSC_BIN, runCli, spawnServe, type ServeProcess } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

// Home: the port checks take the edition's own ranges, and fewer of the other tests use Home's.
const dir = tempDir('mbsc-validate-local-');
const data = path.join(dir, 'data');
let served: ServeProcess;
beforeAll(async () => {
  // With the conformance clock, as the storage-layout check moves it (two jobs' folders a second apart).
  served = await spawnServe(['--edition', 'home', '--conformance-clock', '--host', '127.0.0.1', '--data', data]);
});
afterAll(async () => {
  served.child.kill('SIGTERM');
  await served.exited;
  rmSync(dir, { recursive: true, force: true });
});

const CHECKS = ['storage-layout', 'network-ports-fallback', 'network-ports-home'];
const serveCommand = `'${process.execPath}' '${MBSC_BIN}' serve --edition {edition} --data {data} --console-key {consoleKey}`;

const validate = (out: string, ...extra: string[]) =>
  runCli(
    [
      'validate',
      ...['--server', served.url, '--udp-port', String(served.udpPort), '--edition', 'home'],
      ...['--console-key', served.consoleKey, '--profiles', 'redmi-note-8', '--seed', '7', '--runs', '5'],
      ...['--checks', CHECKS.join(','), '--out', path.join(dir, out)],
      ...extra,
    ],
    180_000,
  );

interface Cell {
  readonly verdict: string;
  readonly reason?: string;
  readonly failure?: { readonly message: string; readonly requirements: readonly string[] };
}
function cellsOf(out: string): Record<string, Cell> {
  const summary = JSON.parse(readFileSync(path.join(dir, out, 'summary.json'), 'utf8')) as {
    checks: { checkId: string; cells: Cell[] }[];
  };
  return Object.fromEntries(summary.checks.map((c) => [c.checkId, c.cells[0] as Cell]));
}

describe('mbsc validate with --data-dir and --own-server', () => {
  it('runs the storage-layout and port checks that it leaves untested without them', async () => {
    const without = await validate('without');
    expect(without.code, without.stderr).toBe(0);
    expect(cellsOf('without')['storage-layout']?.verdict).toBe('untested');
    expect(cellsOf('without')['network-ports-fallback']?.verdict).toBe('untested');

    const result = await validate('with', '--data-dir', data, '--own-server', serveCommand);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const cells = cellsOf('with');
    for (const id of CHECKS) expect(cells[id]?.verdict, `${id}: ${cells[id]?.reason}`).toBe('pass');
  });

  it('charges an own-server that exits with its defaults taken to NET-04, with its exit code and last words', async () => {
    const dies = `'${process.execPath}' -e "process.stderr.write('port busy for {edition}'); process.exit(3)"`;
    const result = await validate('dies', '--own-server', dies, '--own-server-console-key', 'fixed-key-1');
    expect(result.code, result.stdout + result.stderr).not.toBe(0);
    const cells = cellsOf('dies');
    // Held defaults: the server had to take the next free ports, and ended instead.
    const fallback = cells['network-ports-fallback'];
    expect(fallback?.verdict, fallback?.reason).toBe('fail');
    expect(fallback?.failure?.requirements).toEqual(['NET-04']);
    expect(fallback?.failure?.message).toMatch(/taken, the server did not start: .*exited with code 3/);
    expect(fallback?.failure?.message).toContain('port busy for home');
    // Free defaults: ending at once is an error of the check's setup, saying the same.
    const defaults = cells['network-ports-home'];
    expect(defaults?.verdict).toBe('error');
    expect(defaults?.reason).toContain('exited with code 3');
    expect(defaults?.reason).toContain('port busy for home');
  });
});

describe('mbsc validate with an --own-server command whose server leaves its range', () => {
  it('fails NET-03 and NET-05, naming the port the server took and the range expected', async () => {
    const outside = await portTheSystemPicks();
    const result = await validate('outside', '--own-server', `${serveCommand} --port ${outside}`);
    expect(result.code, result.stdout + result.stderr).not.toBe(0);
    const cell = cellsOf('outside')['network-ports-home'];
    expect(cell?.verdict, cell?.reason).toBe('fail');
    expect(cell?.failure?.requirements).toEqual(['NET-03', 'NET-05']);
    expect(cell?.failure?.message).toContain(`TCP ${outside}`);
    expect(cell?.failure?.message).toContain('the home ranges are TCP 52000-52099, UDP 52200-52299');
  });
});

/** A TCP port outside every edition's range that is free now (the system's own pick). */
function portTheSystemPicks(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    }),
  );
}

describe('mbsc validate refuses bad local-server options before it starts', () => {
  it('a --data-dir that does not exist, or is a file', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    for (const bad of [path.join(dir, 'missing'), file]) {
      const result = await validate('bad', '--data-dir', bad);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--data-dir ${bad}:`);
    }
  });

  it('an own-server command it cannot read, or with no console key for the checks', async () => {
    const open = await validate('bad', '--own-server', "srv 'open");
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('quote is not closed');
    const keyless = await validate('bad', '--own-server', 'srv --edition {edition}');
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain('{consoleKey}');
  });
});
