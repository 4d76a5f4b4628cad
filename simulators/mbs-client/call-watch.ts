/**
 * Who hears of each call a client makes that the server answered with success, inside a scope: the kit's record of
 * what a conformance cell made on a server it must leave as it found it. Unlike the exchange log it is not silenced
 * by `unrecorded`: clean-up is evidence of nothing, but what it makes is made all the same. Outside any scope (the
 * kit's own servers) nothing is heard, at the cost of one look-up per call.
 */
import type { RouteName } from '../../conformance/spec/protocol/routes.js';
import { ScopeSlot } from './scope-slot.js';

/** Told of a call's route, its input (params, query, body) and its parsed answer. */
export type CallWatcher = (name: RouteName, input: unknown, output: unknown) => void;

const scope = new ScopeSlot<CallWatcher | undefined>();

/** Runs `body` with every successful call made inside it told to `watcher`. */
export function watchingCalls<T>(watcher: CallWatcher, body: () => T): T {
  return scope.run(watcher, body);
}

/** Tells the scope's watcher, if any, of a successful call. */
export function noteCall(name: RouteName, input: unknown, output: unknown): void {
  scope.get()?.(name, input, output);
}
