/**
 * A path, query or header part is checked as TypeBox's Convert and Default make it. The part that passes as sent
 * skips both; these cases show it comes out as they would have made it, and that a part they change still goes
 * through them.
 */
import { Type, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { valueToCheck } from '../../../reference-server/http/validation.js';

const Headers = Type.Object({
  authorization: Type.Optional(Type.String()),
  'upload-offset': Type.Optional(Type.Integer({ minimum: 0 })),
  'x-kind': Type.Optional(Type.Union([Type.Integer(), Type.String()])),
});
const Query = Type.Object(
  { cursor: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ default: 100 })) },
  { additionalProperties: false },
);

/** What the part was checked as before the shortcut: always converted, then given its defaults. */
function converted(schema: TSchema, data: Record<string, unknown>): unknown {
  const validator = Compile(schema);
  return validator.Default(validator.Convert(structuredClone(data)));
}

describe('valueToCheck', () => {
  const cases: [string, TSchema, Record<string, unknown>][] = [
    ['headers that pass as sent', Headers, { authorization: 'Bearer abc', host: 'h' }],
    ['a union member that accepts the string as it is', Headers, { 'x-kind': '12' }],
    ['a number sent as a string', Headers, { 'upload-offset': '42' }],
    ['a query whose schema has a default', Query, { cursor: '7' }],
    ['a query that gives the defaulted value', Query, { limit: '5' }],
  ];
  it.each(cases)('%s: comes out as Convert and Default make it', (_name, schema, data) => {
    const validator = Compile(schema);
    expect(valueToCheck(validator, structuredClone(data), 'headers')).toEqual(converted(schema, data));
  });

  it('hands a body on exactly as sent', () => {
    const body = { 'upload-offset': '42' };
    expect(valueToCheck(Compile(Headers), body, 'body')).toBe(body);
  });
});

describe('valueToCheck of a query sent again', () => {
  const query = { cursor: '7', limit: '5' };

  it('comes out as Convert and Default make it, each time a copy of its own', () => {
    const validator = Compile(Query);
    const first = valueToCheck(validator, { ...query }, 'querystring') as Record<string, unknown>;
    first.limit = 999;
    const second = valueToCheck(validator, { ...query }, 'querystring');
    expect(second).toEqual(converted(Query, query));
    expect(second).not.toBe(first);
  });

  it('gives the default again to a query without it', () => {
    const validator = Compile(Query);
    for (let i = 0; i < 3; i++)
      expect(valueToCheck(validator, { cursor: '7' }, 'querystring')).toEqual({ cursor: '7', limit: 100 });
  });

  it('converts a query with a repeated key (an array) as before', () => {
    const validator = Compile(Query);
    const repeated = { cursor: ['1', '2'] };
    expect(valueToCheck(validator, structuredClone(repeated), 'querystring')).toEqual(converted(Query, repeated));
  });

  it('still converts after more distinct queries than it keeps', () => {
    const validator = Compile(Query);
    for (let i = 0; i < 1_005; i++) {
      expect(valueToCheck(validator, { cursor: String(i) }, 'querystring')).toEqual({ cursor: String(i), limit: 100 });
    }
  });
});
