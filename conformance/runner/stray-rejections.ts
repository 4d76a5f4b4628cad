/**
 * Rejections that nothing handled while cells ran. Node ends the process on one, and a run would then end with no
 * report at all. Here the cell whose code made or settled the promise hears of it instead: Node tells of a rejection
 * in an async context that holds that cell (Node 20 the context the promise was made in, Node 24 the one it was
 * rejected in; for a promise a cell both made and rejected, the same cell). A rejection in no running cell's context
 * (at a module's start, or in work a cell left behind when it ended) is heard by every cell running then, since which
 * of them it touched cannot be told. A cell that ends with one still unhandled is a kit error, never a pass: its check
 * may have stopped judging what it set out to. One handled late (awaited after Node noticed it, within the cell) is
 * forgotten: its check saw it. The listeners are there only while a cell runs: outside every cell a rejection ends
 * the process as Node would, and a program's own handlers are left alone.
 */
import { ScopeSlot } from '../../simulators/mbs-client/scope-slot.js';
import { describeError, KIT_ERROR } from './thrown-errors.js';

/** Each unhandled rejection a cell heard of: its reason, and whether every running cell heard of it. */
type Strays = Map<Promise<unknown>, { readonly reason: unknown; readonly shared: boolean }>;

const running = new Set<Strays>();
/** The strays of the cell the caller runs for. */
const ownStrays = new ScopeSlot<Strays>();

function heard(reason: unknown, promise: Promise<unknown>): void {
  const own = ownStrays.get();
  if (own && running.has(own)) own.set(promise, { reason, shared: false });
  else for (const strays of running) strays.set(promise, { reason, shared: true });
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
    const value = await ownStrays.run(strays, cell);
    // A rejection handled at the cell's last step is reported handled on a later turn.
    await new Promise((resolve) => setImmediate(resolve));
    const [first] = strays.values();
    if (first === undefined) return { value };
    const more = strays.size > 1 ? ` (and ${strays.size - 1} more)` : '';
    const stray =
      `${KIT_ERROR}: a promise rejected with nothing to handle it while this cell ran: ${describeError(first.reason)}${more}; ` +
      (first.shared
        ? 'its check, or one running beside it, may have stopped judging'
        : 'its check may have stopped judging');
    return { value, stray };
  } finally {
    stop(strays);
  }
}
