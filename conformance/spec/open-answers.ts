/**
 * An answer as the protocol defines it. An object of an answer whose schema does not close it ("No other keys are
 * allowed" in PROTOCOL.md) may carry keys of the server's own; a client reads the keys the protocol names and
 * ignores the rest, so that a check comparing what it read judges the protocol's fields, not a vendor's additions.
 * TypeBox's Clean drops them, but it walks the schema and costs a hundred checks: it runs only on an answer that a
 * closed copy of its schema, compiled once, refuses, which a server without keys of its own never sends.
 *
 * The closed copy only adds refusals, so an answer it takes matches the schema too, and is not checked again: one
 * compiled check for every answer of a server without keys of its own. That holds while no part of the schema is
 * negated or counted (`not`, `if`, `oneOf`, `maxContains`), where one more refusal inside could turn a refusal outside
 * into a match, and while it has no refinement, which the copy leaves out; such a schema is checked as it is first.
 */
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { validatorOf } from './compiled-schemas.js';

/** What declaredPartOf gives for a value that does not match its schema. */
export const NOT_MATCHING: unique symbol = Symbol('not matching');

interface ClosedSchema {
  readonly check: Validator;
  /** Whatever the closed copy takes, the schema takes: no negated or counted part. */
  readonly narrower: boolean;
}

const closedSchemas = new WeakMap<TSchema, ClosedSchema>();

/**
 * Keywords under which the closed copy may take what the schema refuses: a refusal added inside may make the whole
 * take a value it refused (`maxContains` counts the items that match), or the copy leaves the keyword out (TypeBox
 * keeps a refinement under a key that is not enumerable).
 */
const NON_MONOTONE = new Set(['not', 'if', 'then', 'else', 'oneOf', 'maxContains', '~refine']);

/**
 * `value` without the keys no schema of it declares (the value itself when it has none), or NOT_MATCHING when
 * `value` does not match `schema`.
 */
export function declaredPartOf(schema: TSchema, value: unknown): unknown {
  const closed = closedOf(schema);
  if (closed.narrower && closed.check.Check(value)) return value;
  const open = validatorOf(schema);
  if (!open.Check(value)) return NOT_MATCHING;
  if (!closed.narrower && closed.check.Check(value)) return value;
  return open.Clean(value);
}

function closedOf(schema: TSchema): ClosedSchema {
  let closed = closedSchemas.get(schema);
  if (!closed) {
    closed = { check: Compile(closedCopy(schema) as TSchema), narrower: !hasNonMonotonePart(schema) };
    closedSchemas.set(schema, closed);
  }
  return closed;
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

function hasNonMonotonePart(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasNonMonotonePart);
  if (schema === null || typeof schema !== 'object') return false;
  for (const key of Object.getOwnPropertyNames(schema)) {
    if (NON_MONOTONE.has(key) || hasNonMonotonePart((schema as Record<string, unknown>)[key])) return true;
  }
  return false;
}
