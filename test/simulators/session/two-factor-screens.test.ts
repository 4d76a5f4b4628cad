/**
 * The screens added for migration, the recovery phone and number matching, against reference servers on 127.0.0.1
 * (one with number matching on): their elements, what a tap does, and what `mobile: appState` reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox, parseSentCode } from '../../../conformance/suites/two-factor/common/actors.js';
import { runExecuteMethod } from '../../../simulators/session/execute-runner.js';
import type { SimulatorSession } from '../../../simulators/session/simulator-session.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { ids, session } from './session-fixture.js';

let t: TestServer;
let matching: TestServer;
beforeAll(async () => {
  [t, matching] = await Promise.all([startTestServer('pro'), startTestServer('pro', { pushNumberMatching: true })]);
});
afterAll(async () => {
  await Promise.all([t.close(), matching.close()]);
});

const run = (s: SimulatorSession, name: string, params: unknown = {}) => runExecuteMethod(s, name, params);

async function pairBy(
  s: SimulatorSession,
  server: TestServer,
  body: { mode: 'add' } | { mode: 'migrate'; originalDeviceId: string },
) {
  s.app.updateSettings({ automatedBackup: false });
  await s.tap('tab-home');
  await s.tap('home-activate');
  const { payload } = await server.console.call('createPairing', { body });
  await run(s, 'mobile: scanQr', { payload });
}

async function registerByQr(s: SimulatorSession, server: TestServer, via = 'tfa-scan-qr') {
  await s.tap('tab-2fa');
  await s.tap(via);
  const { payload } = await server.console.call('createRegistration', { body: {} });
  return run(s, 'mobile: scanQr', { payload });
}

describe('migration on the replacement phone', () => {
  it('asks to migrate, says whose content it took over, leads to Restore, and offers to re-pair for push', async () => {
    const original = session('android', { name: 'Galaxy Old' }, t.server.url);
    await pairBy(original, t, { mode: 'add' });
    await original.tap('pair-confirm');
    const originalId = original.app.pairing!.deviceId;
    expect(original.element('message-text').text).toBe('Device paired successfully.');

    const replacement = session('ios', { name: 'iPhone New' }, t.server.url);
    await pairBy(replacement, t, { mode: 'migrate', originalDeviceId: originalId });
    expect(replacement.element('pair-confirm-mode').text).toBe(
      'Migrate backup content of existing device to a new device',
    );
    expect(replacement.element('pair-confirm-text').text).toMatch(/as the replacement of an existing device\?$/);
    await replacement.tap('pair-confirm');
    // iOS says the pairing in a dialog of its own; its OK leads to the migration's (MIG-17).
    expect(replacement.screen).not.toBe('migration');
    expect(replacement.element('message-text').text).toBe('Replacement device is paired successfully.');
    await replacement.tap('message-ok');
    expect(replacement.screen).toBe('migration');
    expect(ids(replacement)).toEqual(
      expect.arrayContaining(['migration-result', 'migration-next', 'migration-restore', 'migration-done']),
    );
    expect(replacement.element('migration-result').text).toBe(
      'Migration of contents from Galaxy Old to iPhone New is completed.',
    );
    expect(await run(replacement, 'mobile: appState')).toMatchObject({
      migration: { from: 'Galaxy Old', to: 'iPhone New' },
    });
    await replacement.tap('migration-restore');
    expect(replacement.nav.path).toEqual(['backup', 'restore']);
    expect(replacement.element('restore-summary-photo').text).toBe('No items');

    await replacement.tap('nav-back');
    await replacement.tap('tab-2fa');
    expect(replacement.element('tfa-repair-hint').text).toContain('Galaxy Old');
    try {
      expect(await registerByQr(replacement, t, 'tfa-repair')).toMatchObject({ ok: true, scanned: '2fa' });
      expect(ids(replacement)).not.toContain('tfa-repair');
    } finally {
      for (const a of (await t.console.call('getTwoFactor')).authenticators) {
        await t.console.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } });
      }
    }
  });

  it('shows an ordinary pairing as adding a device, with no re-pair offer', async () => {
    const s = session('android', {}, t.server.url);
    await pairBy(s, t, { mode: 'add' });
    expect(s.element('pair-confirm-mode').text).toBe('Add new device for backup without migration');
    await s.tap('pair-confirm');
    await s.tap('tab-2fa');
    expect(ids(s)).not.toContain('tfa-repair');
    expect((await run(s, 'mobile: appState')) as object).toMatchObject({ migration: null });
  });
});

describe('recovery phone on the 2FA page', () => {
  it('sends the SMS code to the number with its country code and verifies its digits', async () => {
    const outbox = await Outbox.open(t.console);
    const s = session('android', {}, t.server.url);
    try {
      await registerByQr(s, t);
      expect(s.element('tfa-recovery-phone').text).toBe('Enter recovery phone number');
      await s.tap('tfa-recovery-phone');
      expect(s.screen).toBe('recovery-phone');
      expect(ids(s)).not.toContain('recovery-digits');
      await s.type('recovery-number', '1380013800');
      await s.tap('recovery-send');
      expect(s.element('message-text').text).toMatch(/./);
      await s.tap('message-ok');
      await s.type('recovery-country', '+86');
      await s.tap('recovery-send');
      const code = parseSentCode((await outbox.read()).at(-1)?.text ?? '');
      expect(s.element('recovery-letters').text).toBe(`${code?.letters}-`);
      expect(s.element('recovery-sent').text).toBe('Enter the verification code sent to +861380013800');
      await s.type('recovery-digits', code?.digits === '111111' ? '222222' : '111111');
      await s.tap('recovery-verify');
      expect(s.screen).toBe('recovery-phone');
      await s.type('recovery-digits', code!.digits);
      await s.tap('recovery-verify');
      expect(s.screen).toBe('two-factor');
      expect(s.element('message-text').text).toBe('Successfully verified the phone number for account recovery.');
      expect(s.element('tfa-recovery-phone').text).toBe('Recovery phone number ending 00');
      expect(await run(s, 'mobile: appState')).toMatchObject({ recoveryPhoneLastDigits: '00' });
    } finally {
      for (const a of (await t.console.call('getTwoFactor')).authenticators) {
        await t.console.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } });
      }
    }
  });
});

describe('number matching on the request row', () => {
  it('offers the three numbers instead of Approve; the one the desktop shows logs in, another does not', async () => {
    const s = session('ios', {}, matching.server.url);
    await registerByQr(s, matching);
    const { authenticators } = await matching.console.call('getTwoFactor');
    const authenticatorId = authenticators[0]!.authenticatorId;
    for (const pick of ['right', 'wrong'] as const) {
      const { loginId } = await matching.console.call('startLogin', { body: {} });
      const sent = await matching.console.call('loginPush', { params: { loginId }, body: { authenticatorId } });
      await s.tap('tfa-refresh');
      const row = `request-${sent.push!.requestId}`;
      expect(ids(s)).not.toContain(`${row}-approve`);
      expect(s.element(`${row}-number-hint`).text).toBe('To approve, tap the number the desktop shows');
      const choices = (s.element(`${row}-numbers`).children ?? []).map((c) => Number(c.text));
      expect(choices).toHaveLength(3);
      expect(choices).toContain(sent.push!.number);
      const state = (await run(s, 'mobile: appState')) as { requests: { numberChoices: number[] | null }[] };
      expect(state.requests.at(-1)?.numberChoices).toEqual(choices);
      const number = pick === 'right' ? sent.push!.number : choices.find((n) => n !== sent.push!.number);
      await s.tap(`${row}-number-${number}`);
      const login = await matching.console.call('getLogin', { params: { loginId } });
      expect(login.state).toBe(pick === 'right' ? 'logged-in' : 'push-rejected');
      if (pick === 'wrong') expect(s.element('message-text').text).toMatch(/number/i);
    }
  });
});
