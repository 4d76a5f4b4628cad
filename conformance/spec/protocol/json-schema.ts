/**
 * The JSON Schema that TypeBox writes for the protocol's schemas, as far as the kit reads it: PROTOCOL.md renders
 * it as field tables, and the strict-body check draws valid and broken values from it. `V` types the literal values
 * (`const`, `enum`, `default`) for a reader that builds values from them.
 */
export interface JsonSchema<V = unknown> {
  readonly type?: string;
  readonly const?: V;
  readonly enum?: readonly V[];
  readonly anyOf?: readonly JsonSchema<V>[];
  readonly items?: JsonSchema<V>;
  readonly properties?: Readonly<Record<string, JsonSchema<V>>>;
  readonly patternProperties?: Readonly<Record<string, JsonSchema<V>>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly maxProperties?: number;
  readonly default?: V;
  readonly description?: string;
}
