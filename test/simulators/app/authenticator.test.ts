/** The app as authenticator, offline parts: accounts, codes, otpauth URIs, enhanced security. */
import { describe, expect, it } from 'vitest';
import { createGuardrails, generateSync } from 'otplib';
import { AccountList } from '../../../simulators/app/authenticator/accounts.js';
import {
  EnhancedSecurity,
  FIRST_LOCK_MS,
  MAX_FAILURES,
} from '../../../simulators/app/authenticator/enhanced-security.js';
import { buildOtpauthUri, parseOtpauthUri } from '../../../simulators/app/authenticator/otpauth.js';
import { secondsLeft, totpAt } from '../../../simulators/app/authenticator/totp.js';
import { VirtualClock } from '../../../simulators/clock/virtual-clock.js';
import { device } from '../../helpers/sim.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('TOTP in the app', () => {
  it('changes code at each 30 s step boundary (29.999 s versus 30.000 s) and counts down', () => {
    expect(totpAt(SECRET, 29_999)).toBe(totpAt(SECRET, 0));
    expect(totpAt(SECRET, 30_000)).not.toBe(totpAt(SECRET, 29_999));
    expect(totpAt(SECRET, 30_000)).toMatch(/^\d{6}$/);
    expect(secondsLeft(0)).toBe(30);
    expect(secondsLeft(29_001)).toBe(1);
    expect(secondsLeft(30_000)).toBe(30);
  });

  it("gives otplib's code for every secret and instant, the first time and again (RFC 6238's SHA1 vector too)", () => {
    const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
    // RFC 6238 Appendix B: the ASCII secret 12345678901234567890, 8 digits 94287082 at 59 s, 6 digits the last six.
    expect(totpAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
    const secrets = [
      SECRET,
      'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
      'ORSXG5DJNZTTCMRT',
    ];
    for (const secret of secrets) {
      for (const ms of [
        0, 29_999, 30_000, 1_111_111_111_000, 1_733_000_000_123, 2_000_000_000_000, 20_000_000_000_000,
      ]) {
        const theirs = generateSync({ secret, epoch: Math.floor(ms / 1000), guardrails });
        expect([totpAt(secret, ms), totpAt(secret, ms)]).toEqual([theirs, theirs]);
      }
    }
  });

  it('refuses a secret otplib refuses, every time', () => {
    for (let i = 0; i < 2; i++) expect(() => totpAt('JBSWY3DP', 0)).toThrow(/secret/i);
    for (let i = 0; i < 2; i++) expect(() => totpAt(SECRET, -30_000)).toThrow();
  });
});

describe('otpauth URIs (Key URI Format)', () => {
  it('round-trips, with the issuer in the label and as a parameter', () => {
    const uri = buildOtpauthUri({
      issuer: 'Backup Pro',
      label: 'admin@example.com',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    expect(uri).toBe(
      'otpauth://totp/Backup%20Pro:admin%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Backup%20Pro&algorithm=SHA1&digits=6&period=30',
    );
    expect(parseOtpauthUri(uri)).toMatchObject({ issuer: 'Backup Pro', label: 'admin@example.com', secret: SECRET });
  });

  it('refuses what is not a SHA1/6/30 TOTP account', () => {
    for (const bad of [
      'https://x',
      'otpauth://hotp/A:b?secret=JBSWY3DPEHPK3PXP',
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PX1',
      'otpauth://totp/A:b?secret=SHORT',
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=8',
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=B',
    ]) {
      expect(() => parseOtpauthUri(bad), bad).toThrow(expect.objectContaining({ code: 'otpauth-invalid' }));
    }
  });
});

describe('2FA accounts', () => {
  it('adds by QR or by secret key, renames, removes and reorders', () => {
    const list = new AccountList();
    const a = list.addFromUri(`otpauth://totp/Pro:one?secret=${SECRET}&issuer=Pro`, true);
    const b = list.addFromSecret('Lite', 'two', 'jbsw y3dp-ehpk 3pxp');
    expect(b).toMatchObject({ secret: SECRET, push: false, label: 'two' });
    list.rename(a.id, 'Ideapad S340');
    list.reorder([b.id, a.id]);
    expect(list.list().map((x) => x.label)).toEqual(['two', 'Ideapad S340']);
    expect(list.codes(0).map((c) => c.code)).toEqual([totpAt(SECRET, 0), totpAt(SECRET, 0)]);
    list.remove(b.id);
    expect(list.list().map((x) => x.id)).toEqual([a.id]);
    expect(() => list.remove(b.id)).toThrow(expect.objectContaining({ code: 'account-not-found' }));
    expect(() => list.reorder([a.id, a.id])).toThrow(expect.objectContaining({ code: 'account-not-found' }));
    expect(() => list.addFromSecret('X', ' ', SECRET)).toThrow(expect.objectContaining({ code: 'otpauth-invalid' }));
  });
});

describe('enhanced security for 2FA', () => {
  it('is off by default and can be enabled only with a screen lock', () => {
    const unlocked = new EnhancedSecurity(device('android', { screenLock: 'none', biometric: 'none' }));
    expect(unlocked.enabled).toBe(false);
    expect(() => unlocked.setEnabled(true, { method: 'password', password: '' })).toThrow(
      expect.objectContaining({ code: 'security-unavailable' }),
    );
    const phone = device('android');
    const security = new EnhancedSecurity(phone);
    expect(() => security.setEnabled(true, { method: 'password', password: 'wrong' })).toThrow(
      expect.objectContaining({ code: 'authentication-failed' }),
    );
    security.setEnabled(true, { method: 'biometric', match: true });
    expect(security.required).toBe(true);
  });

  it('locks with "Try again later" after too many failures, for a growing interval', () => {
    const clock = new VirtualClock(0);
    const phone = device('ios', { screenLock: 'passcode', biometric: 'face' }, clock);
    const security = new EnhancedSecurity(phone);
    security.setEnabled(true, { method: 'password', password: phone.lockSecret });
    const fail = () => security.authenticate({ method: 'biometric', match: false });
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(fail).toThrow(expect.objectContaining({ code: 'authentication-failed' }));
    expect(() => security.authenticate({ method: 'password', password: phone.lockSecret })).toThrow(
      expect.objectContaining({ code: 'security-locked', message: expect.stringContaining('Try again in 30 seconds') }),
    );
    clock.advance(FIRST_LOCK_MS - 1);
    expect(security.lockRemainingMs()).toBe(1);
    clock.advance(1);
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(fail).toThrow(expect.objectContaining({ code: 'authentication-failed' }));
    expect(security.lockRemainingMs()).toBe(2 * FIRST_LOCK_MS);
    clock.advance(2 * FIRST_LOCK_MS);
    security.authenticate({ method: 'password', password: phone.lockSecret });
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(fail).toThrow(expect.objectContaining({ code: 'authentication-failed' }));
    expect(security.lockRemainingMs()).toBe(FIRST_LOCK_MS);
  });
});
