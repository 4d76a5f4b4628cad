import { describe, expect, it } from 'vitest';
import { REASONS, where } from '../../../conformance/kit/applies.js';
import type { Column } from '../../../conformance/kit/check.js';
import { referenceApp } from '../../../conformance/targets/app-under-test.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';

const bare: TargetSession = {
  edition: 'pro',
  url: 'http://127.0.0.1:1',
  host: '127.0.0.1',
  udpPort: 1,
  app: referenceApp(),
  async close() {},
};
const full: TargetSession = {
  ...bare,
  console: new MbsClient({ baseUrl: bare.url, consoleKey: 'k' }),
  clock: { now: () => 0, advance: async () => undefined },
  dataDir: '/tmp',
  startOwnServer: () => Promise.reject(new Error('not started in this test')),
};
const android: Column = { edition: 'pro', profile: loadProfile('redmi-note-8') };
const reasonOf = (needs: Parameters<typeof where>[0], column: Column, session: TargetSession) => {
  const a = where(needs)(column, session);
  return a.applies ? 'applies' : a.reason;
};

describe('where a check applies', () => {
  it('applies where every need is met', () => {
    const needs = { device: 'paired', platform: 'android', clock: true, dataDir: true, twoFactor: true } as const;
    expect(reasonOf(needs, android, full)).toBe('applies');
  });

  it('names each need the column or the target lacks', () => {
    expect(reasonOf({ console: true }, android, bare)).toBe(REASONS.console);
    expect(reasonOf({ device: 'paired' }, android, bare)).toBe(REASONS.console);
    expect(reasonOf({ device: 'alone' }, android, bare)).toBe('applies');
    expect(reasonOf({ device: 'alone' }, { edition: 'pro' }, bare)).toBe(REASONS.profile);
    expect(reasonOf({ clock: true }, android, bare)).toBe(REASONS.clock);
    expect(reasonOf({ dataDir: true }, android, bare)).toBe(REASONS.dataDir);
    expect(reasonOf({ ownServers: true }, android, bare)).toBe(REASONS.ownServers);
    expect(reasonOf({ twoFactor: true }, { edition: 'home' }, full)).toBe(REASONS.twoFactor);
    expect(reasonOf({ device: 'paired', platform: 'ios' }, android, full)).toBe('applies to iOS only');
    const pixel: Column = { edition: 'pro', profile: loadProfile('google-pixel-9') };
    expect(reasonOf({ device: 'paired', sdCard: true }, pixel, full)).toBe('google-pixel-9 has no SD card');
    const samsung: Column = { edition: 'pro', profile: loadProfile('samsung-galaxy-a12') };
    expect(reasonOf({ device: 'paired', sdCard: true }, samsung, full)).toBe('applies');
  });

  it('reads untested where the target was not given what checking needs, skipped where the rule does not apply', () => {
    for (const needs of [{ console: true }, { dataDir: true }, { ownServers: true }, { clock: true }] as const)
      expect(where(needs)(android, bare)).toMatchObject({ applies: false, untested: true });
    for (const [needs, column] of [
      [{ twoFactor: true }, { edition: 'home' }],
      [{ device: 'paired', platform: 'ios' }, android],
      [{ device: 'alone' }, { edition: 'pro' }],
    ] as const)
      expect(where(needs)(column, full)).not.toHaveProperty('untested');
  });

  it("reads untested, in the target's own words, where only the target lacks a clock or a push service", () => {
    const pushServiceLack = 'the --own-server command has no {pushWebhook} placeholder';
    const session: TargetSession = { ...full, pushServiceLack, clock: undefined, clockLack: 'clock does not move' };
    expect(where({ pushService: true })(android, session)).toEqual({
      applies: false,
      reason: pushServiceLack,
      untested: true,
    });
    expect(where({ pushService: true })(android, bare)).toEqual({
      applies: false,
      reason: REASONS.pushService,
      untested: true,
    });
    expect(where({ clock: true })(android, session)).toEqual({
      applies: false,
      reason: 'clock does not move',
      untested: true,
    });
    const pushed = { ...full, startOwnServerWithPushService: full.startOwnServer! };
    expect(reasonOf({ pushService: true }, android, pushed)).toBe('applies');
  });

  it('refuses an OS the app does not install on unless the check installs versions of its own', () => {
    const old: Column = { edition: 'pro', profile: { ...loadProfile('redmi-note-8'), osVersion: '7.1' } };
    expect(reasonOf({ device: 'paired' }, old, full)).toBe('the app does not install on Android 7.1 (see PLAT-01/02)');
    expect(reasonOf({ device: 'paired', anyOsVersion: true }, old, full)).toBe('applies');
  });

  it('keeps a check through the screens to WebDriver, and asks a check its own condition last', () => {
    expect(reasonOf({ overWebDriverOf: 'x-model' }, android, full)).toBe(
      'runs with --via appium; in process, x-model checks the same rules',
    );
    const own = { device: 'paired', also: () => ({ applies: false, reason: 'own' }) } as const;
    expect(reasonOf(own, android, full)).toBe('own');
    expect(reasonOf(own, android, bare)).toBe(REASONS.console);
  });
});
