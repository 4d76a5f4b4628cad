/**
 * The names of the protocol's schemas: each exported schema is known by its export name, so PROTOCOL.md writes it
 * once under that name and every route and schema refers to it instead of repeating it.
 */
import Type, { type TSchema } from 'typebox';
import * as common from './common.js';
import * as discovery from './discovery.js';
import * as pairing from './pairing.js';
import * as resources from './resources.js';
import * as twoFactor from './two-factor.js';
import * as twoFactorLogin from './two-factor-login.js';
import * as twoFactorPayload from './two-factor-payload.js';

const MODULES = [common, discovery, pairing, resources, twoFactor, twoFactorLogin, twoFactorPayload];

const isSchema = (value: unknown): value is TSchema => !Array.isArray(value) && Type.IsSchema(value);

/**
 * Every named schema, by module and then by name; `EditionSchema` is written `Edition`, the
 * suffix being there only to keep the name of its type free.
 */
export const NAMED_SCHEMAS: ReadonlyMap<string, TSchema> = new Map(
  MODULES.flatMap((module) =>
    Object.entries(module)
      .filter((entry): entry is [string, TSchema] => isSchema(entry[1]))
      .map(([name, schema]) => [name.replace(/(.)Schema$/, '$1'), schema] as const)
      // A namespace's key order differs between Node and a transforming test runner: sort to render one way.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ),
);

const byIdentity = new Map([...NAMED_SCHEMAS].map(([name, schema]) => [schema, name]));
/**
 * `Type.Optional` copies the schema it wraps, so a copy is known by its JSON; a JSON two schemas share (two tokens
 * with one pattern) names neither, and the schema is then written out where it is used.
 */
const byJson = new Map<string, string | null>();
for (const [name, schema] of NAMED_SCHEMAS) {
  const key = JSON.stringify(schema);
  byJson.set(key, byJson.has(key) ? null : name);
}

/** The name of a schema, or undefined when it is not one of the named ones. */
export function schemaName(schema: TSchema): string | undefined {
  return byIdentity.get(schema) ?? byJson.get(JSON.stringify(schema)) ?? undefined;
}
