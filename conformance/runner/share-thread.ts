/**
 * A worker thread's side of a run split between threads (cell-threads.ts): given the run rebuilt from its data, it
 * runs the cells of its share, each edition on servers of its own, exactly as one thread runs them all
 * (run-edition.ts), and sends each finished cell back to the thread that records the run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Edition } from '../spec/editions.js';
import type { Requirement } from '../spec/requirements/types.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { columnName, type Check } from '../kit/check.js';
import type { Target } from '../targets/target.js';
import type { ShareData, ShareMessage } from './cell-threads.js';
import { cellId } from './smoke-cells.js';
import { runEdition, type EditionRunOptions } from './run-edition.js';
import { editionCells } from './planned-cells.js';
import { closeIdleBrowser } from '../kit/browser.js';

export interface ShareRun {
  readonly target: Target;
  readonly editions: readonly Edition[];
  readonly checks: readonly Check[];
  readonly profiles: readonly DeviceSpec[];
  readonly catalogue: readonly Requirement[];
  readonly options: Omit<EditionRunOptions, 'levelOf' | 'cells'>;
}

/** The share's data as the parent sent it. */
export function shareData(): ShareData {
  return workerData as ShareData;
}

/** Runs this thread's share of the cells and reports them; the thread may end once this resolves. */
export async function runShare(run: ShareRun): Promise<void> {
  const mine = new Set(shareData().cells);
  const post = (message: ShareMessage) => parentPort?.postMessage(message);
  const levels = new Map<string, Requirement['level']>(run.catalogue.map((r) => [r.id, r.level]));
  const options: EditionRunOptions = {
    ...run.options,
    levelOf: (id) => levels.get(id),
    cells: (check, column) => mine.has(cellId(check.id, columnName(column))),
  };
  const problems = await Promise.all(
    run.editions
      .filter((edition) => editionCells(edition, run.checks, run.profiles, options.cells).length > 0)
      .map((edition) =>
        runEdition(run.target, edition, run.checks, run.profiles, options, async (check, column, cell, ran) =>
          post({ kind: 'cell', id: cellId(check.id, columnName(column)), cell, ran }),
        ),
      ),
  );
  // As on one thread (run-conformance.ts): a browser left lingering would hold this thread, and the run, open.
  await closeIdleBrowser();
  const problem = problems.find((p) => p !== undefined);
  post({ kind: 'end', ...(problem ? { problem: { code: problem.code, message: problem.message } } : {}) });
}
