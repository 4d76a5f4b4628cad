/**
 * Rejections that nothing handled while cells ran. Node ends the process on one, and a run would then end with no
 * report at all. Here every cell running at that moment hears of it instead (which of them made it cannot be told:
 * in one process, the cells of every run going on), and a cell that ends with one still unhandled is a kit error,
 * never a pass: its check, or one beside it, may have stopped judging what it set out to. One handled late (awaited
 * after Node noticed it, within the cell) is forgotten: its check saw it. The listeners are there only while a cell
 * runs: outside every cell a rejection ends the process as Node would, and a program's own handlers are left alone.
 */
import { describeError, KIT_ERROR } from './thrown-errors.js';

type Strays = Map<Promise<unknown>, unknown>;

const running = new Set<Strays>();

function heard(reason: unknown, promise: Promise<unknown>): void {
  for (const strays of running) strays.set(promise, reason);
}

function handledLate(promise: Promise<unknown>): void {
  for (const strays of running) strays.delete(promise);
}

function start(strays: Strays): void {
  if (running.size === 0) {
    process.on('unhandledRejection', heard);
    process.on('rejectionHandled', handledLate);
  }
  running.add(strays);
}

function stop(strays: Strays): void {
  running.delete(strays);
  if (running.size > 0) return;
  process.off('unhandledRejection', heard);
  process.off('rejectionHandled', handledLate);
}

/**
 * Runs a cell, hearing of the rejections nothing handles meanwhile; returns its outcome and the reason of the first
 * one still unhandled when it ends, if any.
 */
export async function hearingStrays<T>(cell: () => Promise<T>): Promise<{ value: T; stray?: string }> {
  const strays: Strays = new Map();
  start(strays);
  try {
    const value = await cell();
    // A rejection handled at the cell's last step is reported handled on a later turn.
    await new Promise((resolve) => setImmediate(resolve));
    const [first] = strays.values();
    if (strays.size === 0) return { value };
    const more = strays.size > 1 ? ` (and ${strays.size - 1} more)` : '';
    const stray =
      `${KIT_ERROR}: a promise rejected with nothing to handle it while this cell ran: ${describeError(first)}${more}; ` +
      'its check, or one running beside it, may have stopped judging';
    return { value, stray };
  } finally {
    stop(strays);
  }
}
