/**
 * The randomness key every request sent inside a scope names (the conformance header, a frozen server's option):
 * the kit runs each cell inside one, whose key follows the generated case running, so that a server with seeded
 * randomness makes the same ids, secrets and codes for a case in a full run and in its replay. The key is asked for
 * at each request, since one cell runs its cases one after another.
 */
import { ScopeSlot } from './scope-slot.js';
import { RANDOMNESS_KEY_HEADER } from '../../conformance/spec/protocol/conformance-clock.js';

const scope = new ScopeSlot<() => string>();

/** Runs `body` with every request sent inside it naming the key `keyNow()` gives at the time. */
export function namingRandomnessKey<T>(keyNow: () => string, body: () => T): T {
  return scope.run(keyNow, body);
}

/** The header the current scope's key goes in, with the key; undefined outside any scope. */
export function randomnessKeyHeader(): readonly [string, string] | undefined {
  const keyNow = scope.get();
  return keyNow ? [RANDOMNESS_KEY_HEADER, keyNow()] : undefined;
}
