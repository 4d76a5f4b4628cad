/**
 * Schemas as people read them: a short type expression for a field (`string 1..64 chars`, `Item[]`, `"add" |
 * "migrate"`), a named schema as a link to the one place PROTOCOL.md writes it, and the "Schemas" section itself.
 */
import type { TSchema } from 'typebox';
import type { JsonSchema } from './json-schema.js';
import { NAMED_SCHEMAS, schemaName } from './schema-names.js';

export const anchorOf = (name: string) => `schema-${name.toLowerCase()}`;
export const linkTo = (name: string) => `[${name}](#${anchorOf(name)})`;

/** A table cell holds no bare `|` or line break. */
export const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function range(min: number | undefined, max: number | undefined, unit = ''): string {
  if (min === undefined && max === undefined) return '';
  if (min !== undefined && min === max) return ` ${min}${unit}`;
  return ` ${min ?? ''}..${max ?? ''}${unit}`;
}

function scalarText(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  // Only the error code has this many values: the catalogue at the end lists them.
  if (s.enum && s.enum.length > 20) return 'an error code (see "Error codes")';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  switch (s.type) {
    case 'string':
      return `string${range(s.minLength, s.maxLength, ' chars')}${s.pattern ? ` \`${s.pattern}\`` : ''}`;
    case 'integer':
    case 'number':
      return `${s.type}${range(s.minimum, s.maximum)}${s.default !== undefined ? ` (default ${String(s.default)})` : ''}`;
    case 'boolean':
    case 'null':
      return s.type;
    default:
      return 'any JSON';
  }
}

/** The type of a schema in one line; a named schema other than `root` is a link to its entry. */
export function typeText(schema: TSchema, root?: TSchema): string {
  const s = schema as JsonSchema;
  const name = schema === root ? undefined : schemaName(schema);
  if (name) return linkTo(name);
  if (s.anyOf) return s.anyOf.map((v) => typeText(v as TSchema)).join(' | ');
  if (s.type === 'array') {
    const items = typeText(s.items as TSchema);
    const element = items.includes(' ') ? `(${items})` : items;
    return `${element}[]${range(s.minItems, s.maxItems, ' items')}`;
  }
  if (s.type === 'object') {
    const values = Object.values(s.patternProperties ?? {})[0];
    if (values)
      return `map of string to ${typeText(values as TSchema)}${range(undefined, s.maxProperties, ' entries')}`;
    return `{ ${objectFields(s)
      .map((f) => `${f.key}${f.optional ? '?' : ''}: ${f.type}`)
      .join('; ')} }`;
  }
  return scalarText(s);
}

interface Field {
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
  readonly description?: string;
}

function objectFields(s: JsonSchema): Field[] {
  return Object.entries(s.properties ?? {}).map(([key, value]) => ({
    key,
    optional: !(s.required ?? []).includes(key),
    type: typeText(value as TSchema),
    ...(value.description && !schemaName(value as TSchema) ? { description: value.description } : {}),
  }));
}

function objectEntry(s: JsonSchema): string[] {
  const closed = s.additionalProperties === false ? ' No other keys are allowed.' : '';
  const lines = [`An object.${closed}`, '', '| field | type | meaning |', '| --- | --- | --- |'];
  for (const f of objectFields(s)) {
    lines.push(`| \`${f.key}\`${f.optional ? ' (optional)' : ''} | ${cell(f.type)} | ${cell(f.description ?? '')} |`);
  }
  if (lines.length === 4) return [`An empty object \`{}\`.${closed}`];
  return lines;
}

function entry(name: string, schema: TSchema): string[] {
  const s = schema as JsonSchema;
  const lines = ['', `<a id="${anchorOf(name)}"></a>`, `### ${name}`, ''];
  if (s.description) lines.push(s.description, '');
  if (s.anyOf) {
    lines.push('One of:', ...s.anyOf.map((v) => `- ${typeText(v as TSchema)}`));
  } else if (s.type === 'object' && !s.patternProperties) {
    lines.push(...objectEntry(s));
  } else {
    lines.push(typeText(schema, schema));
  }
  return lines;
}

const isScalar = (schema: TSchema) => {
  const s = schema as JsonSchema;
  return s.type !== 'object' && s.type !== 'array' && !(s.anyOf ?? []).some((v) => v.type === 'object');
};

/** The "Schemas" section: single values in one table, then each object and union once, by name. */
export function schemasSection(): string {
  const named = [...NAMED_SCHEMAS];
  const scalars = named.filter(([, schema]) => isScalar(schema));
  const rest = named.filter(([, schema]) => !isScalar(schema));
  return [
    '## Schemas',
    '',
    'Every schema the routes name, written once. A field marked optional may be left out; "No other keys are',
    'allowed" means a key the schema does not list is `invalid-request`. An object of an answer without it (an',
    "error's included) may carry keys its schema does not list: a client ignores them. Patterns are ECMAScript",
    'regular expressions.',
    '',
    '| name | type | meaning |',
    '| --- | --- | --- |',
    ...scalars.map(
      ([name, schema]) =>
        `| <a id="${anchorOf(name)}"></a>${name} | ${cell(typeText(schema, schema))} | ${cell((schema as JsonSchema).description ?? '')} |`,
    ),
    ...rest.flatMap(([name, schema]) => entry(name, schema)),
  ].join('\n');
}
