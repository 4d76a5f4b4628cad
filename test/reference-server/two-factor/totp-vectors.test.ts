/**
 * The server's TOTP and HOTP, through the same otplib calls it verifies with: RFC 6238 Appendix B (the SHA1 rows:
 * 8 digits, the 20-byte ASCII secret) and RFC 4226 Appendix D, the 30 s step edges, and the secret keys it issues.
 */
import { describe, expect, it } from 'vitest';
import { buildOtpauthUri } from '../../../conformance/spec/protocol/two-factor-payload.js';
import {
  checkTotp,
  hotpAt,
  newTotpSecret,
  stepRemainingMs,
  totpAt,
} from '../../../reference-server/two-factor/totp.js';

const RFC_SECRET = new TextEncoder().encode('12345678901234567890');

describe('RFC 6238 Appendix B (SHA1, 8 digits)', () => {
  it.each([
    [59, '94287082'],
    [1_111_111_109, '07081804'],
    [1_111_111_111, '14050471'],
    [1_234_567_890, '89005924'],
    [2_000_000_000, '69279037'],
    [20_000_000_000, '65353130'],
  ])('at %i s the code is %s', (seconds, code) => {
    expect(totpAt(RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });
});

describe('RFC 4226 Appendix D (HOTP, 6 digits)', () => {
  const values = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(values.map((value, counter) => [counter, value] as const))('counter %i gives %s', (counter, value) => {
    expect(hotpAt(RFC_SECRET, counter)).toBe(value);
  });
  it('TOTP is HOTP of the 30 s step number (T0 = 0)', () => {
    expect(totpAt(RFC_SECRET, 89_999)).toBe(hotpAt(RFC_SECRET, 2));
  });
});

describe('time steps of 30 s', () => {
  const secret = newTotpSecret();
  it('the code of a step holds through 29.999 s and changes at 30.000 s', () => {
    expect(totpAt(secret, 29_999)).toBe(totpAt(secret, 0));
    expect(totpAt(secret, 30_000)).toBe(hotpAt(secret, 1));
    expect(totpAt(secret, 30_000)).not.toBe(totpAt(secret, 29_999));
  });
  it('the countdown is the time left in the step', () => {
    expect(stepRemainingMs(0)).toBe(30_000);
    expect(stepRemainingMs(29_999)).toBe(1);
    expect(stepRemainingMs(30_000)).toBe(30_000);
  });
  it('a code is accepted one step either side, not two, and after its step only once', () => {
    const at = 30_000 * 1000;
    const code = totpAt(secret, at);
    for (const drift of [-1, 0, 1]) {
      expect(checkTotp(secret, code, at + drift * 30_000, -1)).toEqual({ result: 'accepted', timeStep: 1000 });
    }
    expect(checkTotp(secret, code, at + 29_999 + 30_000, -1).result).toBe('accepted');
    expect(checkTotp(secret, code, at + 60_000, -1).result).toBe('invalid');
    expect(checkTotp(secret, code, at - 30_001, -1).result).toBe('invalid');
    expect(checkTotp(secret, code, at, 1000).result).toBe('replayed');
    expect(checkTotp(secret, code, at, 999).result).toBe('accepted');
  });
});

describe('secret keys', () => {
  it('are 16 base32 characters, fresh each time', () => {
    const secrets = Array.from({ length: 50 }, newTotpSecret);
    for (const s of secrets) expect(s).toMatch(/^[A-Z2-7]{16}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });
  it('go into an otpauth URI with the issuer in the label and as a parameter, URI-encoded', () => {
    const uri = buildOtpauthUri({ issuer: 'MBS Pro', label: 'Ideapad S340 (Windows 10)', secret: 'JBSWY3DPEHPK3PXP' });
    expect(uri).toBe(
      'otpauth://totp/MBS%20Pro:Ideapad%20S340%20(Windows%2010)?secret=JBSWY3DPEHPK3PXP&issuer=MBS%20Pro' +
        '&algorithm=SHA1&digits=6&period=30',
    );
    const url = new URL(uri);
    expect(url.searchParams.get('issuer')).toBe('MBS Pro');
    expect(decodeURIComponent(url.pathname)).toBe('/MBS Pro:Ideapad S340 (Windows 10)');
  });
});
