/**
 * The gate of throttle.ts's attempts that take time off the event loop (a password's key derivation): how many of
 * one scope run at once, per server.
 */
import type { ServiceContext } from '../services/context.js';
import type { ThrottleScope } from './throttle.js';

/**
 * The most attempts of one scope under way at once, whatever remains free: a key derivation takes a thread of
 * libuv's pool of four, which the file system (and the database's fsync) needs too.
 */
export const MOST_AT_ONCE = 2;

/** Attempts of a scope under way at once, and those waiting for their turn. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async enter(limit: () => number): Promise<void> {
    while (this.running >= limit()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
  }

  leave(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}

const gates = new WeakMap<object, Map<string, Gate>>();
export function gateOf(ctx: ServiceContext, scope: ThrottleScope): Gate {
  let byScope = gates.get(ctx.db);
  if (!byScope) gates.set(ctx.db, (byScope = new Map()));
  let gate = byScope.get(scope);
  if (!gate) byScope.set(scope, (gate = new Gate()));
  return gate;
}
