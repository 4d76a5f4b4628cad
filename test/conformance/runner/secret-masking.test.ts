/** Keys and tokens never reach a report; one-time codes and the rest of an exchange do. */
import { describe, expect, it } from 'vitest';
import { maskHeader, maskInText, maskJson } from '../../../conformance/runner/secret-masking.js';

describe('secret masking', () => {
  it('masks the bearer keys and the console key, keeping the scheme and the length', () => {
    expect(maskHeader('Authorization', 'Bearer abcdefgh')).toBe('Bearer [masked: 8 chars]');
    expect(maskHeader('x-mbs-console-key', 'k'.repeat(43))).toBe('[masked: 43 chars]');
    expect(maskHeader('content-type', 'application/json')).toBe('application/json');
  });

  it('masks secret fields of JSON at any depth, and secrets inside URIs, but shows one-time codes', () => {
    const body = {
      deviceKey: 'dk-123',
      device: { name: 'Pixel', installId: 'i-1' },
      pairing: { token: 'tok-1', payload: 'mbs://pair?v=1&token=tok-1&mode=add' },
      account: { otpauth: 'otpauth://totp/MBS:admin?secret=JBSWY3DPEHPK3PXP&issuer=MBS' },
      trustedBrowserToken: 'tb',
      code: '123456',
      digits: '654321',
    };
    const text = JSON.stringify(maskJson(body));
    for (const secret of ['dk-123', 'tok-1', 'JBSWY3DPEHPK3PXP', '"tb"']) expect(text).not.toContain(secret);
    expect(text).toContain('"code":"123456"');
    expect(text).toContain('"digits":"654321"');
    expect(text).toContain('mode=add');
    expect(text).toContain('"name":"Pixel"');
  });

  it('masks secret fields in JSON text cut short, which no longer parses', () => {
    const cut = '{"registrationToken": "rt-99", "name": "Authy", "secretKey": "ABCD';
    expect(maskInText(cut)).toBe(
      '{"registrationToken": "[masked: 5 chars]", "name": "Authy", "secretKey": "[masked: 4 chars]',
    );
    expect(maskInText('/v1/items?limit=5&token=abc')).toBe('/v1/items?limit=5&token=[masked: 3 chars]');
  });

  it('masks an otpauth secret percent-encoded inside another URI, once or twice, keeping the other parameters', () => {
    const otpauth = 'otpauth://totp/MBS%20Pro:admin?secret=EJFA5CS4QTKGPFYC&issuer=MBS%20Pro';
    const once = `mbs://register?v=1&token=tok-7&otpauth=${encodeURIComponent(otpauth)}`;
    const twice = `mbs://register?v=1&otpauth=${encodeURIComponent(encodeURIComponent(otpauth))}`;
    const lower = once.replace(/%3D/g, '%3d');
    for (const text of [once, twice, lower, JSON.stringify({ payload: once }), `{"payload": "${twice}`]) {
      const shown = maskInText(text);
      expect(shown).not.toContain('EJFA5CS4QTKGPFYC');
      expect(shown).not.toContain('tok-7');
      expect(shown).toMatch(/secret(%3D|%253D)\[masked: 16 chars\]/i);
      expect(shown).toContain('issuer');
      expect(shown).toContain('admin');
    }
    expect(JSON.stringify(maskJson({ qr: { payload: twice } }))).not.toContain('EJFA5CS4QTKGPFYC');
    expect(maskInText(`${encodeURIComponent(otpauth)}`)).toBe(
      'otpauth%3A%2F%2Ftotp%2FMBS%2520Pro%3Aadmin%3Fsecret%3D[masked: 16 chars]%26issuer%3DMBS%2520Pro',
    );
  });

  it('masks the raw secret of an otpauth URI and leaves names that only end in a secret name alone', () => {
    expect(maskInText('otpauth://totp/MBS:admin?secret=JBSWY3DPEHPK3PXP&issuer=MBS')).toBe(
      'otpauth://totp/MBS:admin?secret=[masked: 16 chars]&issuer=MBS',
    );
    expect(maskInText('/v1/x?nosecret%3Dkeep&notoken=keep')).toBe('/v1/x?nosecret%3Dkeep&notoken=keep');
  });
});
