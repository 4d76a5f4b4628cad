/**
 * Values drawn from the protocol's own schemas (JSON Schema, as TypeBox writes them): a valid body for any route, and
 * that body broken in one place, by a key the schema does not know or a value of another JSON type. The protocol is
 * data, so a check built on these reaches every route of the table, a new one included.
 */
import fc from 'fast-check';
import type { TSchema } from 'typebox';
import type { JsonSchema } from '../spec/protocol/json-schema.js';
import { matchesSchema } from '../spec/compiled-schemas.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = JsonSchema<Json>;

const SIMPLE = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 12,
});

/** Strings of a pattern: drawn from it where fast-check can read it, else simple ones that match it. */
function stringOf(s: Schema): fc.Arbitrary<string> {
  const fits = (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  if (!s.pattern) return SIMPLE.filter(fits);
  const pattern = new RegExp(s.pattern);
  try {
    return fc.stringMatching(pattern).filter(fits);
  } catch {
    return SIMPLE.filter((v) => fits(v) && pattern.test(v));
  }
}

function arbitraryOf(s: Schema): fc.Arbitrary<Json> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf) return fc.oneof(...s.anyOf.map(arbitraryOf));
  switch (s.type) {
    case 'object': {
      const keys = Object.entries(s.properties ?? {});
      const record = Object.fromEntries(keys.map(([k, v]) => [k, arbitraryOf(v)]));
      return fc.record(record, { requiredKeys: [...(s.required ?? [])] }) as fc.Arbitrary<Json>;
    }
    case 'array':
      return fc.array(arbitraryOf(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: (s.minItems ?? 0) + 2 });
    case 'string':
      return stringOf(s);
    case 'integer':
      return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 1_000_000, 1_000_000) });
    case 'number':
      return fc.double({ min: s.minimum ?? 0, max: s.maximum ?? 1_000_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.constant('any');
  }
}

/** A body the schema accepts. */
export function validValue(schema: TSchema): fc.Arbitrary<Json> {
  return arbitraryOf(schema as Schema).filter((v) => matchesSchema(schema, v));
}

/** One fault in an otherwise valid body, and where it is. */
export interface Broken {
  readonly body: Json;
  readonly what: string;
  /** The schema of the value replaced, for a wrong type; none for an unknown key. */
  readonly at?: Schema;
}

/** The objects and leaves of a value, each with its path and its schema (where the value is one of its properties). */
function places(v: Json, s: Schema, path: string[] = []): { path: string[]; value: Json; schema: Schema }[] {
  const here = { path, value: v, schema: s };
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return [here];
  const branch = s.anyOf?.find((b) => b.properties && Object.keys(v).every((k) => k in (b.properties ?? {})));
  const props = (branch ?? s).properties ?? {};
  return [here, ...Object.entries(v).flatMap(([k, x]) => places(x, props[k] ?? {}, [...path, k]))];
}

/** A value of another JSON type than `v`. */
const otherType = (v: Json): Json =>
  typeof v === 'string'
    ? 5
    : typeof v === 'number'
      ? String(v)
      : typeof v === 'boolean'
        ? String(v)
        : Array.isArray(v)
          ? {}
          : v === null
            ? 'null'
            : [];

function setAt(v: Json, path: readonly string[], to: (old: Json) => Json): Json {
  if (path.length === 0) return to(v);
  const [head, ...rest] = path as [string, ...string[]];
  const object = v as Record<string, Json>;
  return { ...object, [head]: setAt(object[head] as Json, rest, to) };
}

/** `valid` broken in one place the schema refuses: an unknown key in one of its objects, or one value's type. */
export function brokenValue(schema: TSchema, valid: Json): fc.Arbitrary<Broken> {
  const all = places(valid, schema as Schema);
  const objects = all.filter((p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value));
  const leaves = all.filter((p) => p.path.length > 0);
  const extraKey = fc.constantFrom(...objects).map((p) => ({
    body: setAt(valid, p.path, (o) => ({ ...(o as Record<string, Json>), unexpectedKey: true })),
    what: `an unknown key in ${p.path.length ? p.path.join('.') : 'the body'}`,
  }));
  const wrongType = leaves.length
    ? fc.constantFrom(...leaves).map((p) => ({
        body: setAt(valid, p.path, otherType),
        what: `${p.path.join('.')} as ${JSON.stringify(otherType(p.value))}`,
        at: p.schema,
      }))
    : extraKey;
  return fc.oneof(extraKey, wrongType).filter((b) => !matchesSchema(schema, b.body));
}

/** Whether the value a fault replaced holds a name: refusing that one as `invalid-name` is refusing it too. */
export const holdsName = (b: Broken, namePattern: string): boolean => b.at?.pattern === namePattern;
