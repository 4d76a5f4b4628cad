/**
 * Validates requests with the protocol's TypeBox schemas. Bodies are checked strictly (no type coercion, unknown
 * keys refused); path, query and header values arrive as strings and are converted to the schema's types first.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import type { Validator } from 'typebox/compile';
import { validatorOf } from '../../conformance/spec/compiled-schemas.js';

export interface FieldProblem {
  readonly path: string;
  readonly problem: string;
}

/** Thrown for a request that fails its schema; the error handler turns it into `invalid-request` or `invalid-name`. */
export class SchemaViolation extends Error {
  constructor(
    readonly part: string,
    readonly problems: readonly FieldProblem[],
  ) {
    super(`Invalid ${part}: ${problems.map((p) => `${p.path} ${p.problem}`).join('; ')}`);
    this.name = 'SchemaViolation';
  }
}

/** What a request part is checked as: a body exactly as sent; path, query and header strings converted first. */
export function valueToCheck(validator: Validator, data: unknown, httpPart: string | undefined): unknown {
  if (httpPart === 'body') return data;
  // Convert changes only values their schema does not already accept (a union keeps a value one of its members
  // accepts), and a schema without defaults has nothing to fill in: a part that passes as sent, as most headers and
  // ids do, comes out of both unchanged, so the two walks of its schema are skipped.
  if (!fillsDefaults(validator) && validator.Check(data)) return data;
  return validator.Default(validator.Convert(data));
}

/** The schema a route's part is checked against: the protocol's own, as PROTOCOL.md states it. */
export function routeSchema(schema: TSchema): TSchema {
  return schema;
}

const withDefaults = new WeakMap<Validator, boolean>();

function fillsDefaults(validator: Validator): boolean {
  let found = withDefaults.get(validator);
  if (found === undefined) {
    found = namesDefault(validator.Type());
    withDefaults.set(validator, found);
  }
  return found;
}

/** Whether a schema has a `default` anywhere in it (a property named so counts too: it only costs the fast path). */
function namesDefault(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  return Object.entries(schema).some(([key, value]) => key === 'default' || namesDefault(value));
}

/**
 * The schema compiler of a server whose parts are read by `read` (the server's rule, valueToCheck). Each schema is
 * compiled once per thread and kept (compiled-schemas.ts): the servers of a run share a thread and the protocol's
 * schema objects, and compiling every route's schemas again for each server that starts took a tenth of the
 * servers' thread in a smoke run.
 */
export function validatorCompilerOf(
  read: typeof valueToCheck,
  schemaOf: typeof routeSchema = routeSchema,
): FastifySchemaCompiler<TSchema> {
  return ({ schema, httpPart }) => {
    const validator = validatorOf(schemaOf(schema));
    return (data: unknown) => checkPart(validator, read(validator, data, httpPart), httpPart);
  };
}

function checkPart(validator: Validator, value: unknown, httpPart: string | undefined) {
  if (validator.Check(value)) return { value };
  const problems = [...validator.Errors(value)]
    .filter((e) => e.keyword !== 'anyOf' || e.instancePath === '')
    .slice(0, 10)
    .map((e) => ({ path: e.instancePath || '/', problem: e.message }));
  return { error: new SchemaViolation(httpPart ?? 'request', problems) };
}
