/** Questions the checkers ask of a history: completions of a kind, and what happened before an operation began. */
import type { History, Op, OpValue } from './history.js';

export type OpOf<F extends OpValue['f']> = Op & { readonly value: Extract<OpValue, { f: F }> };

/** Completions (`ok`, `fail` or `info`) of one function, in history order. */
export function completions<F extends OpValue['f']>(history: History, f: F, type?: Op['type']): OpOf<F>[] {
  return history.filter(
    (op): op is OpOf<F> => op.type !== 'invoke' && op.value.f === f && (type === undefined || op.type === type),
  );
}

/** Where an operation began: its invoke's index (a completion knows it; an invoke is its own). */
export function begun(op: Op): number {
  return op.invokedAt ?? op.index;
}

/** `a` ended before `b` began: the only order a checker may rely on between two clients or a client and a fault. */
export function precedes(a: Op, b: Op): boolean {
  return a.index < begun(b);
}

/** An upload's completion that may have put the whole item on the server: acknowledged, or all its bytes sent. */
export function mayHaveLanded(op: OpOf<'upload'>): boolean {
  return op.type === 'ok' || (op.type === 'info' && op.value.sent === op.value.size);
}
