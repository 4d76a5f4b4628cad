/**
 * Cells shared between worker threads: each cell a thread sends back is recorded as sent; a thread that throws or
 * exits before all its cells are back leaves each missing one an `error` cell saying why, never a pass; a thread's
 * target that could not be tested ends the run's abort. The threads here are small modules that play a share.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOnThreads } from '../../../conformance/runner/cell-threads.js';
import { cellId } from '../../../conformance/runner/smoke-cells.js';
import type { Cell } from '../../../conformance/runner/summary-schema.js';
import { columnName, type Check, type Column } from '../../../conformance/kit/check.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mbsc-cell-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A thread that passes the first cell of its share, then does what its data says. */
const entry = path.join(dir, 'share.mjs');
writeFileSync(
  entry,
  `import { parentPort, workerData } from 'node:worker_threads';
const { data, cells } = workerData;
const [first] = cells;
const [, column] = first.split('@');
parentPort.postMessage({ kind: 'cell', id: first, ran: true,
  cell: { column, edition: 'pro', verdict: 'pass', durationMs: 1, runs: 3, startedAt: '2026-01-01T00:00:00.000Z' } });
if (data === 'throw') throw new Error('the share broke');
if (data === 'exit') process.exit(3);
if (data === 'unreachable') parentPort.postMessage({ kind: 'end', problem: { code: 'unreachable', message: 'no server' } });
`,
);

const serverChecks = ALL_CHECKS.filter((check) => check.scope !== 'device').slice(0, 4);
const planned = serverChecks.map((check) => ({ check, column: { edition: 'pro' } as Column }));

async function run(data: string, count = 1) {
  const cells = new Map<string, Cell>();
  const done = async (check: Check, column: Column, cell: Cell) =>
    void cells.set(cellId(check.id, columnName(column)), cell);
  const abort = await runOnThreads({ count, entry, data }, planned, done);
  return { cells, abort };
}

describe('cells on worker threads', () => {
  it('turns the cells a thrown-out thread never sent into errors naming why', async () => {
    const { cells, abort } = await run('throw');
    expect(abort).toBeUndefined();
    expect(cells.size).toBe(planned.length);
    const verdicts = [...cells.values()].map((cell) => cell.verdict);
    expect(verdicts.filter((v) => v === 'pass')).toHaveLength(1);
    expect(verdicts.filter((v) => v === 'error')).toHaveLength(planned.length - 1);
    for (const cell of cells.values())
      if (cell.verdict === 'error') {
        expect(cell.reason).toMatch(/the kit failed: the thread running this cell stopped .*the share broke/);
        expect(cell).toMatchObject({ column: 'pro', edition: 'pro', runs: 0 });
      }
  });

  it('does the same for a thread that exits, on every thread of the run', async () => {
    const { cells } = await run('exit', 2);
    const verdicts = [...cells.values()].map((cell) => cell.verdict);
    expect(verdicts.filter((v) => v === 'pass')).toHaveLength(2);
    expect(verdicts.filter((v) => v === 'error')).toHaveLength(planned.length - 2);
    for (const cell of cells.values()) if (cell.verdict === 'error') expect(cell.reason).toMatch(/exited with code 3/);
  });

  it('answers a thread’s untestable target with its code, as one thread would', async () => {
    const { abort, cells } = await run('unreachable');
    expect(abort).toMatchObject({ code: 'unreachable', message: 'no server' });
    expect([...cells.values()].filter((cell) => cell.verdict === 'error')).toHaveLength(planned.length - 1);
  });
});
