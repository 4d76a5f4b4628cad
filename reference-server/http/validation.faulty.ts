/** The self-test's faulty variants of request validation (validation.ts): bodies read leniently. */
import type { TSchema } from 'typebox';
import type { ServerFault } from '../../conformance/spec/faults.js';
import { NewPassword } from '../../conformance/spec/protocol/two-factor.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const VALIDATION_FAULTS = {
  'unknown-body-keys-accepted': {
    // Drops the keys a body's schema does not know instead of refusing the body.
    valueToCheck: (rule) => (validator, data, httpPart) =>
      rule(validator, httpPart === 'body' ? validator.Clean(structuredClone(data)) : data, httpPart),
  },
  'body-types-coerced': {
    // Converts a body's values to the schema's types ("5" for 5, "true" for true), as it does for a query.
    valueToCheck: (rule) => (validator, data, httpPart) =>
      rule(validator, data, httpPart === 'body' ? 'querystring' : httpPart),
  },
  'password-of-7-accepted': {
    // Its own schema's new password is at least 7 characters (an off-by-one), not the protocol's 8.
    routeSchema: (rule) => (schema) => withPasswordOf7(rule(schema)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

const lowered = new WeakMap<TSchema, TSchema>();

/** The schema with every new password's minimum one less; the same copy each time, so it is compiled once. */
function withPasswordOf7(schema: TSchema): TSchema {
  let copy = lowered.get(schema);
  if (!copy) {
    copy = lowerPassword(schema) as TSchema;
    lowered.set(schema, copy);
  }
  return copy;
}

/** A copy of the nodes on the way to a new password, the rest as they are (a schema without one is returned as is). */
function lowerPassword(node: unknown): unknown {
  if (node === NewPassword) return { ...NewPassword, minLength: 7 };
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, lowerPassword(value)] as const);
  if (entries.every(([key, value]) => value === (node as Record<string, unknown>)[key])) return node;
  if (Array.isArray(node)) return entries.map(([, value]) => value);
  return Object.assign(
    Object.create(Object.getPrototypeOf(node) as object) as object,
    node,
    Object.fromEntries(entries),
  );
}
