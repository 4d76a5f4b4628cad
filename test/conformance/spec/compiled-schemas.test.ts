/** The compiled schema checks: compiled once per schema, and the same verdicts as walking the schema. */
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { matchesSchema, validatorOf } from '../../../conformance/spec/compiled-schemas.js';
import { PairingPayload } from '../../../conformance/spec/protocol/pairing.js';
import { ErrorResponse } from '../../../conformance/spec/protocol/common.js';
import { PAIRING_PAYLOAD } from './protocol/pairing-payload-example.js';

const PAYLOAD = PAIRING_PAYLOAD;

describe('compiled schema checks', () => {
  it('compile a schema once and keep it', () => {
    expect(validatorOf(PairingPayload)).toBe(validatorOf(PairingPayload));
    expect(validatorOf(PairingPayload)).not.toBe(validatorOf(ErrorResponse));
  });

  it('agree with Value.Check on valid and broken values', () => {
    const values: unknown[] = [
      PAYLOAD,
      { ...PAYLOAD, extra: 1 },
      { ...PAYLOAD, tcp: 70000 },
      { ...PAYLOAD, token: 'short' },
      { ...PAYLOAD, mode: 'other' },
      { ...PAYLOAD, v: '1' },
      {},
      null,
      'text',
      [PAYLOAD],
    ];
    for (const value of values) expect(matchesSchema(PairingPayload, value)).toBe(Value.Check(PairingPayload, value));
    expect(matchesSchema(PairingPayload, PAYLOAD)).toBe(true);
    expect(matchesSchema(PairingPayload, { ...PAYLOAD, extra: 1 })).toBe(false);
  });
});
