/**
 * Values that travel with the async context (a cell's content source, its exchange log, its screens, the server
 * randomness key of its requests), all carried by one AsyncLocalStorage. Each storage of its own would be one more
 * hook on every promise the kit makes, and the kit makes some for every request; one storage holding every slot
 * costs one hook.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const context = new AsyncLocalStorage<ReadonlyMap<ScopeSlot<unknown>, unknown>>();

/** One value of the async context, read and scoped as an AsyncLocalStorage of its own would be. */
export class ScopeSlot<T> {
  /** Runs `body` with this slot holding `value` (the other slots keep theirs) in everything it starts. */
  run<R>(value: T, body: () => R): R {
    const slots = new Map(context.getStore());
    slots.set(this as ScopeSlot<unknown>, value);
    return context.run(slots, body);
  }

  /** The value of the innermost `run` of this slot around the caller, if any. */
  get(): T | undefined {
    return context.getStore()?.get(this as ScopeSlot<unknown>) as T | undefined;
  }
}

/** Every slot's value around the caller: to run a callback in later, where another context may be current. */
export type ScopeSnapshot = ReadonlyMap<ScopeSlot<unknown>, unknown> | undefined;

export function scopeSnapshot(): ScopeSnapshot {
  return context.getStore();
}

/** Runs `body` with every slot as `snapshot` saw it. */
export function inScope<R>(snapshot: ScopeSnapshot, body: () => R): R {
  return context.run(snapshot as ReadonlyMap<ScopeSlot<unknown>, unknown>, body);
}
