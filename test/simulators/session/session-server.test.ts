/** The session model against a real reference server on 127.0.0.1: pairing, backup with a hold, restore, 2FA. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExecuteMethod } from '../../../simulators/session/execute-runner.js';
import type { SimulatorSession } from '../../../simulators/session/simulator-session.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { session } from './session-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro');
});
afterAll(() => t.close());

const run = (s: SimulatorSession, name: string, params: unknown = {}) => runExecuteMethod(s, name, params);

async function paired(platform: 'android' | 'ios' = 'android'): Promise<SimulatorSession> {
  const s = session(platform, {}, t.server.url);
  s.app.updateSettings({ automatedBackup: false });
  await s.tap('home-activate');
  expect(s.screen).toBe('scanner');
  const { payload } = await t.console.call('createPairing', { body: { mode: 'add' } });
  expect(await run(s, 'mobile: scanQr', { payload })).toEqual({ ok: true, scanned: 'pairing' });
  expect(s.screen).toBe('pair-confirm');
  await s.tap('pair-confirm');
  expect(s.element('home-status').text).toMatch(/^Paired with pro at 127\.0\.0\.1:\d+$/);
  return s;
}

describe('SimulatorSession against a reference server', () => {
  it('backs up, holds off the LAN with the reason shown, goes on back on it, and restores what was deleted', async () => {
    const s = await paired();
    await run(s, 'mobile: addMedia', { kind: 'photo', count: 3, sizeBytes: 40_000 });
    await run(s, 'mobile: addMedia', { kind: 'video', count: 1, sizeBytes: 90_000 });
    await run(s, 'mobile: setNetwork', { network: 'off' });
    await s.tap('tab-backup');
    await s.tap('backup-start');
    await s.idle();
    expect(s.element('backup-status').text).toBe('Backup on hold');
    expect(s.element('hold-not-on-backup-lan').text).toBe('Connect to the same Wi-Fi network as the backup machine.');
    await run(s, 'mobile: setNetwork', { network: 'lan' });
    await s.idle();
    expect(s.element('backup-status').text).toBe('Backup completed: 3 Photos, 1 Videos, 0 Files, and 0 2FA Accounts');

    await run(s, 'mobile: deleteMedia', {});
    await s.tap('backup-restore');
    expect(s.screen).toBe('restore');
    expect(s.element('restore-summary-photo').text).toBe('0 of 3 selected, 0B');
    await s.tap('restore-select-photo');
    expect(s.element('restore-colour-photo').text).toBe('blue');
    await s.tap('restore-browse-video');
    expect(s.element('explorer-per-row').text).toBe('4 per row');
    await s.tap('explorer-enlarge');
    expect(s.element('explorer-per-row').text).toBe('2 per row');
    await s.tap('explorer-select-all');
    await s.tap('explorer-done');
    expect(s.element('restore-selected-total').text).toBe('4 items selected, 210.00KB');
    await s.tap('restore-start');
    await s.idle();
    expect(s.screen).toBe('backup');
    expect(s.element('restore-status').text).toBe(
      'Restore completed: 3 Photos, 1 Videos, 0 Files restored; 0 Photos, 0 Videos, 0 Files skipped',
    );
    expect(s.device.mediaItems()).toHaveLength(4);
  });

  it('refuses Restore with nothing selected, as a dialog', async () => {
    const s = await paired('ios');
    await s.tap('tab-backup');
    await s.tap('backup-restore');
    await s.tap('restore-start');
    expect(s.element('message-text').text).toBe(
      'Select photos, videos, documents or 2FA accounts to be able to restore.',
    );
    expect(s.screen).toBe('restore');
  });

  it('registers for 2FA by QR and approves a login request; enhanced security asks first', async () => {
    const s = session('android', {}, t.server.url);
    await s.tap('tab-2fa');
    await s.tap('tfa-scan-qr');
    const { payload } = await t.console.call('createRegistration', { body: {} });
    expect(await run(s, 'mobile: scanQr', { payload })).toMatchObject({ ok: true, scanned: '2fa' });
    const state = (await run(s, 'mobile: appState')) as { accounts: { id: string; authenticatorId: string }[] };
    expect(state.accounts).toHaveLength(1);
    const { id, authenticatorId } = state.accounts[0]!;
    expect(s.element(`account-${id}-code`).text).toMatch(/^\d{6}$/);

    await s.tap('tab-more');
    await s.tap('more-enhanced-security');
    await run(s, 'mobile: biometric', { match: true });
    expect(s.app.security.enabled).toBe(true);

    const { loginId } = await t.console.call('startLogin', { body: {} });
    await t.console.call('loginPush', { params: { loginId }, body: { authenticatorId } });
    await s.tap('tab-2fa');
    await s.tap('tfa-unlock');
    await s.tap('auth-use-password');
    await s.type('auth-password', 'wrong');
    await s.tap('auth-confirm');
    expect(s.element('message-text').text).toBe('The device password or biometric did not match.');
    await s.type('auth-password', s.device.lockSecret);
    await s.tap('auth-confirm');
    const [request] = s.requests.values();
    await s.tap(`request-${request!.requestId}-approve`);
    expect(s.screen).toBe('authenticate');
    await run(s, 'mobile: biometric', { match: true });
    expect((await t.console.call('getLogin', { params: { loginId } })).state).toBe('logged-in');
    expect(s.element('message-text').text).toBe('Login approved (approved).');
  });

  it('adds an account by username and secret key when the QR code cannot be scanned', async () => {
    const s = session('android', {}, t.server.url);
    await s.tap('tab-2fa');
    await s.tap('tfa-no-qr');
    const registration = await t.console.call('createRegistration', { body: {} });
    await s.type('secret-issuer', 'MBS Pro');
    await s.type('secret-username', registration.username);
    await s.type('secret-key', registration.secret);
    await s.tap('secret-add');
    expect(s.message).toBeUndefined();
    expect(s.screen).toBe('two-factor');
    const [account] = s.app.accounts.list();
    expect(s.element(`account-${account!.id}-name`).text).toBe(`MBS Pro: ${registration.username}`);
    expect(account!.push).toBe(false);
  });

  it('edits the connection setting: a typed host is checked, a bad one gets the seed message', async () => {
    const s = await paired();
    await s.tap('tab-backup');
    await s.tap('backup-connection');
    expect(s.element('connection-auto').checked).toBe(true);
    await s.tap('connection-manual');
    await s.type('connection-host', 'not a host!');
    await s.tap('connection-save');
    await s.idle();
    expect(s.element('message-text').text).toBe(
      'Connection failed. Make sure you have entered the correct host name / IP address.',
    );
    expect(s.screen).toBe('connection');
    await s.type('connection-host', '127.0.0.1');
    await s.tap('connection-save');
    // The server answers over the network: until it does, the screen says it is trying and the field is disabled.
    expect(s.element('connection-status').text).toBe('Attempting to connect');
    expect(s.element('connection-host').enabled).toBe(false);
    await s.idle();
    expect(s.screen).toBe('backup');
    expect(s.app.connection).toEqual({ mode: 'manual', host: '127.0.0.1' });
  });

  it('lists what free up space archived in the Archive tab, by day or by album', async () => {
    const s = await paired();
    s.app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
    await run(s, 'mobile: addMedia', { kind: 'photo', count: 3, sizeBytes: 40_000, album: 'Trip' });
    await run(s, 'mobile: setStorage', { freeBytes: 2_000_000_000 - 50_000 });
    await s.tap('tab-backup');
    await s.tap('backup-start');
    await s.idle();
    expect(s.element('backup-status').text).toBe(
      'Backup completed: 3 Photos, 0 Videos, 0 Files, and 0 2FA Accounts; 2 archived or free up images and videos',
    );
    await s.tap('backup-restore');
    await s.tap('restore-browse-photo');
    await s.tap('explorer-tab-archive');
    expect(s.element('explorer-tab-archive').selected).toBe(true);
    const items = (rowId: string) => s.element(rowId).children ?? [];
    const day = new Date(s.clock.now()).toISOString().slice(0, 10);
    expect(items(`group-${day}-row-0`).map((e) => e.text)).toEqual(['IMG_0001.jpg', 'IMG_0002.jpg']);
    await s.tap('explorer-view-album');
    expect(s.element('group-trip-title').text).toBe('Trip');
    await s.tap('group-trip-select');
    expect(s.element('explorer-selected').text).toBe('2 selected, 80.00KB');
    await s.tap('explorer-deselect-all');
    expect(s.element('explorer-selected').text).toBe('0 selected, 0B');
  });
});
