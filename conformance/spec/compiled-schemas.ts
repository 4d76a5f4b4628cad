/**
 * Each schema compiled to a check once, on first use, and kept: the kit checks the same few schemas over and over
 * (every answer of a run, every scanned QR code, every body a property generates), and a compiled check costs a
 * fraction of walking the schema for each value, as `Value.Check` does. The verdict is the same: both are TypeBox's
 * reading of the schema. Errors are still listed by walking it, and only for a value that fails.
 */
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

const validators = new WeakMap<TSchema, Validator>();

export function validatorOf(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator;
}

/** Whether `value` matches `schema`: `Value.Check`'s answer, from the compiled check. */
export function matchesSchema<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  return validatorOf(schema).Check(value);
}
