/**
 * An answer as the protocol defines it. An object of an answer whose schema does not close it ("No other keys are
 * allowed" in PROTOCOL.md) may carry keys of the server's own; a client reads the keys the protocol names and
 * ignores the rest, so that a check comparing what it read judges the protocol's fields, not a vendor's additions.
 * TypeBox's Clean drops them, but it walks the schema and costs a hundred checks: it runs only on an answer that a
 * closed copy of its schema, compiled once, refuses, which a server without keys of its own never sends.
 */
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { validatorOf } from './compiled-schemas.js';

const closedValidators = new WeakMap<TSchema, Validator>();

/** `value`, which matches `schema`, without the keys no schema of it declares (the value itself when it has none). */
export function declaredPartOf(schema: TSchema, value: unknown): unknown {
  let closed = closedValidators.get(schema);
  if (!closed) {
    closed = Compile(closedCopy(schema) as TSchema);
    closedValidators.set(schema, closed);
  }
  return closed.Check(value) ? value : validatorOf(schema).Clean(value);
}

/** A copy of `schema` in which every object with declared properties and no word on others refuses others. */
function closedCopy(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closedCopy);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = closedCopy(value);
  if (copy['type'] === 'object' && copy['properties'] !== undefined && !('additionalProperties' in copy)) {
    copy['additionalProperties'] = false;
  }
  return copy;
}
