/**
 * Turns TypeBox's validation errors into one line per failing field, `battery.level: must be <= 100 (got 101)`, for
 * people who edit profile and matrix files by hand: field paths as they would write them, the offending value, the
 * allowed values of an enum, and a "did you mean" for a misspelt key or enum value. It knows no schema of its own, and
 * device files, run configs, expected-failure baselines and summary.json are all checked with it, so it sits in the
 * spec, the leaf every layer may import.
 */
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { matchesSchema } from './compiled-schemas.js';
import { didYouMean } from './nearest-name.js';

export interface SchemaProblem {
  /** Field path as written in the file, e.g. `battery.level` or `profiles[2]`; `(root)` for the whole document. */
  readonly path: string;
  readonly message: string;
}

export function schemaProblems(schema: TSchema, value: unknown): SchemaProblem[] {
  // A valid document has no problems: the compiled check says so without walking the schema for errors.
  if (matchesSchema(schema, value)) return [];
  const problems: SchemaProblem[] = [];
  for (const error of Value.Errors(schema, value)) {
    const at = pointerSegments(error.instancePath);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'boolean':
        // `additionalProperties: false` reports each extra key twice; the 'additionalProperties' error says it better.
        if (error.schemaPath.endsWith('/additionalProperties')) continue;
        break;
      case 'additionalProperties': {
        const known = Object.keys(propertiesAt(schema, error.schemaPath));
        for (const key of params['additionalProperties'] as string[]) {
          const hint = didYouMean(key, known);
          problems.push({ path: formatPath([...at, key]), message: hint ? `unknown key.${hint}` : 'unknown key' });
        }
        continue;
      }
      case 'required':
        for (const key of params['requiredProperties'] as string[]) {
          problems.push({ path: formatPath([...at, key]), message: 'is required' });
        }
        continue;
      case 'enum': {
        const allowed = (params['allowedValues'] as unknown[]).map(String);
        const got = valueAt(value, at);
        const hint = typeof got === 'string' ? didYouMean(got, allowed) : '';
        problems.push({
          path: formatPath(at),
          message: `must be one of ${allowed.join(', ')} (got ${show(got)}).${hint}`,
        });
        continue;
      }
    }
    problems.push({ path: formatPath(at), message: `${error.message} (got ${show(valueAt(value, at))})` });
  }
  return dedupe(problems);
}

export function formatProblems(problems: readonly SchemaProblem[]): string {
  return problems.map((p) => `\n  - ${p.path}: ${p.message}`).join('');
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function formatPath(segments: readonly string[]): string {
  if (segments.length === 0) return '(root)';
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The `properties` of the object schema at a schema path such as `#/properties/battery`. */
function propertiesAt(schema: TSchema, schemaPath: string): Record<string, unknown> {
  const node = valueAt(schema, pointerSegments(schemaPath.replace(/^#/, ''))) as { properties?: object } | undefined;
  return (node?.properties ?? {}) as Record<string, unknown>;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function dedupe(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
