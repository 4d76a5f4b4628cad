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
  // Headers carry each device's key: they are converted every time, never kept.
  return httpPart === 'headers' ? converted(validator, data) : convertedPart(validator, data);
}

function converted(validator: Validator, data: unknown): unknown {
  return validator.Default(validator.Convert(data));
}

/** Parts converted and given their defaults, kept per validator by the text of the part as sent. */
const conversions = new WeakMap<Validator, Map<string, Readonly<Record<string, unknown>>>>();
/** Conversions kept per validator at most: a listing's query is one of a few, but for its cursor. */
const KEPT_CONVERSIONS = 1000;

/**
 * Convert and Default walk the schema again for every value: for a listing's query (its `limit` has a default),
 * 30-45 µs a request, while the queries a device sends are few and come again and again. A part of strings only,
 * as a query or a path arrives, comes out of both the same whenever it is sent the same, so each is converted once
 * and kept; every request gets a copy of its own, as it got a converted object of its own before.
 */
function convertedPart(validator: Validator, data: unknown): unknown {
  const text = stringsOnlyText(data);
  if (text === undefined) return converted(validator, data);
  let kept = conversions.get(validator);
  if (!kept) conversions.set(validator, (kept = new Map()));
  let value = kept.get(text);
  if (!value) {
    const made = converted(validator, data);
    if (!isPlainValues(made)) return made;
    if (kept.size >= KEPT_CONVERSIONS) kept.clear();
    kept.set(text, (value = { ...made }));
  }
  return { ...value };
}

/** The part's text when it is an object whose values are all strings, else undefined. */
function stringsOnlyText(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  for (const key in data) if (typeof (data as Record<string, unknown>)[key] !== 'string') return undefined;
  return JSON.stringify(data);
}

/** Whether `value` is an object whose values are strings, numbers, booleans or null: a copy then shares nothing. */
function isPlainValues(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
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
