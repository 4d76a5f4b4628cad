import fc from 'fast-check';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { brokenValue, validValue } from '../../../conformance/kit/schema-values.js';
import { ROUTE_NAMES, ROUTES } from '../../../conformance/spec/protocol/routes.js';
import type { RouteSpec } from '../../../conformance/spec/protocol/route-spec.js';

const jsonBodies = ROUTE_NAMES.flatMap((name) => {
  const body = (ROUTES[name] as RouteSpec).body;
  return body !== undefined && body !== 'bytes' ? [[name, body] as const] : [];
});

describe('values drawn from the protocol schemas', () => {
  it.each(jsonBodies)('give %s a valid body, and that body broken in one place', (_name, schema) => {
    fc.assert(
      fc.property(
        validValue(schema).chain((valid) => brokenValue(schema, valid).map((broken) => ({ valid, broken }))),
        ({ valid, broken }) => {
          expect(Value.Check(schema, valid)).toBe(true);
          expect(Value.Check(schema, broken.body)).toBe(false);
          expect(broken.what).toMatch(/^an unknown key in |^[\w.]+ as /);
        },
      ),
      { numRuns: 20, seed: 7 },
    );
  });

  it('break bodies both ways: an unknown key and a value of another JSON type', () => {
    const whats = fc.sample(
      validValue(ROUTES.createUpload.body).chain((v) => brokenValue(ROUTES.createUpload.body, v)),
      { numRuns: 60, seed: 7 },
    );
    expect(whats.some((b) => b.what.startsWith('an unknown key'))).toBe(true);
    expect(whats.some((b) => / as /.test(b.what))).toBe(true);
  });
});
