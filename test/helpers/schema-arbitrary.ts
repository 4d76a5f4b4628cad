/**
 * fast-check arbitraries read off the protocol's TypeBox schemas (plain JSON Schema underneath): values that match
 * a schema, and values that nearly do (one field replaced, dropped, or an unknown one added), so that a fuzzer gets
 * past the first checks of a route instead of being refused at the door every time.
 */
import fc from 'fast-check';

type Schema = Readonly<Record<string, unknown>>;
/** Arbitraries to use for properties of these names instead of their schema (e.g. ids the server really holds). */
export type Overrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

/** Removes `(?!…)` and `(?=…)` groups, which fc.stringMatching cannot generate; callers filter with the full regex. */
function withoutLookaheads(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (!pattern.startsWith('(?!', i) && !pattern.startsWith('(?=', i)) {
      out += pattern[i];
      if (pattern[i] === '\\') out += pattern[++i] ?? '';
      continue;
    }
    let depth = 0;
    for (; i < pattern.length; i++) {
      if (pattern[i] === '\\') i++;
      else if (pattern[i] === '(') depth++;
      else if (pattern[i] === ')' && --depth === 0) break;
    }
  }
  return out;
}

function stringArb(schema: Schema): fc.Arbitrary<string> {
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = (schema.maxLength as number | undefined) ?? 64;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  if (typeof schema.pattern !== 'string') return fc.string({ minLength: min, maxLength: Math.min(max, 32) });
  const full = new RegExp(schema.pattern, 'u');
  const fallback = fc.string({ minLength: min, maxLength: Math.min(max, 32) });
  return fc
    .oneof(fc.stringMatching(new RegExp(withoutLookaheads(schema.pattern), 'u')), fallback)
    .filter((s) => full.test(s) && fits(s));
}

function objectArb(schema: Schema, overrides: Overrides): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.values((schema.patternProperties ?? {}) as Record<string, Schema>);
  if (Object.keys(properties).length === 0 && patterns[0]) {
    return fc.dictionary(fc.string({ maxLength: 16 }), schemaArb(patterns[0], overrides), { maxKeys: 4 });
  }
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, overrides[key] ?? schemaArb(value, overrides)]),
  );
  return fc.record(model, { requiredKeys: (schema.required ?? []) as string[] });
}

/** Values that match `schema` (as far as a string pattern can be generated and filtered). */
export function schemaArb(of: object, overrides: Overrides = {}): fc.Arbitrary<unknown> {
  const schema = of as Schema;
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map((s) => schemaArb(s, overrides)));
  switch (schema.type) {
    case 'object':
      return objectArb(schema, overrides);
    case 'array':
      return fc.array(schemaArb(schema.items as Schema, overrides), {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: Math.max((schema.minItems as number | undefined) ?? 0, 3),
      });
    case 'string':
      return stringArb(schema);
    case 'integer':
    case 'number':
      return fc.integer({
        min: Math.max((schema.minimum as number | undefined) ?? -1e9, Number.MIN_SAFE_INTEGER),
        max: Math.min((schema.maximum as number | undefined) ?? 1e9, Number.MAX_SAFE_INTEGER),
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every place in a JSON value, as the keys leading to it; [] is the value itself. */
function placesOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => placesOf((value as Record<string | number, unknown>)[k], [...at, k]))];
}

/** A copy of `value` with one change at one place: replaced by `junk`, removed, or given an unknown key. */
function mutate(value: unknown, pick: number, how: 'replace' | 'remove' | 'add', junk: unknown): unknown {
  const copy = structuredClone(value);
  const places = placesOf(copy);
  const place = places[pick % places.length] ?? [];
  if (place.length === 0) return how === 'add' && copy && typeof copy === 'object' ? copy : junk;
  const parent = place.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy);
  const key = place.at(-1) as string | number;
  const target = parent as Record<string | number, unknown>;
  if (how === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete target[key];
  } else if (how === 'add' && target[key] !== null && typeof target[key] === 'object') {
    (target[key] as Record<string, unknown>)['unexpected'] = junk;
  } else target[key] = junk;
  return copy;
}

/** Values shaped like `schema` with one field broken. */
export function nearlySchemaArb(schema: object, overrides: Overrides = {}): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      schemaArb(schema, overrides),
      fc.nat(),
      fc.constantFrom('replace' as const, 'remove' as const, 'add' as const),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([value, pick, how, junk]) => mutate(value, pick, how, junk));
}
