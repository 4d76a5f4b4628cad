/**
 * The 2FA page's account editing (Edit, Save, Remove account, Reorder), the page locking again when left with
 * enhanced security on, and `mobile: setScreenLock`, on an offline session.
 */
import { describe, expect, it } from 'vitest';
import { runExecuteMethod } from '../../../simulators/session/execute-runner.js';
import type { SimulatorSession } from '../../../simulators/session/simulator-session.js';
import { ids, session } from './session-fixture.js';

const run = (s: SimulatorSession, name: string, params: unknown = {}) => runExecuteMethod(s, name, params);

async function withAccounts(...labels: string[]) {
  const s = session('android');
  const accounts = labels.map((label) => s.app.accounts.addFromSecret('MBS Pro', label, 'JBSWY3DPEHPK3PXP'));
  await s.tap('tab-2fa');
  return { s, ids: accounts.map((a) => a.id) };
}

describe('editing an account on the 2FA page', () => {
  it('shows Edit under the arrow down; Save keeps a new name and refuses an empty one with the reason', async () => {
    const {
      s,
      ids: [id],
    } = await withAccounts('admin');
    expect(ids(s)).not.toContain(`account-${id}-edit`);
    await s.tap(`account-${id}-expand`);
    await s.tap(`account-${id}-edit`);
    expect(s.screen).toBe('account-edit');
    expect(s.element('account-edit-name').text).toBe('admin');
    await s.type('account-edit-name', '   ');
    await s.tap('account-edit-save');
    expect([s.screen, s.message]).toEqual(['account-edit', 'An account name is 1-128 characters.']);
    await s.type('account-edit-name', ' Work ');
    await s.tap('account-edit-save');
    expect([s.screen, s.message]).toEqual(['two-factor', 'The account has been successfully edited.']);
    expect(s.element(`account-${id}-name`).text).toBe('MBS Pro: Work');
  });

  it('removes the account with its code', async () => {
    const {
      s,
      ids: [first, second],
    } = await withAccounts('admin', 'ops');
    await s.tap(`account-${first}-expand`);
    await s.tap(`account-${first}-edit`);
    await s.tap('account-edit-remove');
    expect(s.message).toBe('The account has been successfully removed.');
    expect(ids(s).filter((e) => /^account-.*-code$/.test(e))).toEqual([`account-${second}-code`]);
  });

  it('reorders with Move up and Move down, kept on Done and dropped on Back', async () => {
    const { s, ids: order } = await withAccounts('a', 'b', 'c');
    await s.tap('tfa-reorder');
    expect(s.element(`reorder-${order[0]}-up`).enabled).toBe(false);
    await s.tap(`reorder-${order[0]}-down`);
    await s.tap(`reorder-${order[0]}-down`);
    await s.tap('nav-back');
    expect(s.app.accounts.list().map((a) => a.id)).toEqual(order);
    await s.tap('tfa-reorder');
    await s.tap(`reorder-${order[2]}-up`);
    await s.tap('reorder-done');
    expect(s.message).toBe('Accounts are successfully reordered.');
    expect(s.app.accounts.list().map((a) => a.id)).toEqual([order[0], order[2], order[1]]);
  });
});

describe('enhanced security on the 2FA page', () => {
  it('locks the page again once another tab is opened, and the screen lock is set by mobile: setScreenLock', async () => {
    const { s } = await withAccounts('admin');
    expect(await run(s, 'mobile: setScreenLock', { lock: 'pin', secret: '1357' })).toEqual({ lock: 'pin' });
    await s.tap('tab-more');
    await s.tap('more-enhanced-security');
    await s.tap('auth-use-password');
    await s.type('auth-password', '1357');
    await s.tap('auth-confirm');
    expect(s.app.security.enabled).toBe(true);
    await s.tap('tab-2fa');
    await s.tap('tfa-unlock');
    await s.tap('auth-use-password');
    await s.type('auth-password', '1357');
    await s.tap('auth-confirm');
    expect(ids(s)).toContain('tfa-accounts');
    await s.tap('tab-2fa');
    expect(ids(s)).toContain('tfa-accounts');
    await s.tap('tab-home');
    await s.tap('tab-2fa');
    expect(ids(s)).toContain('tfa-unlock');
    await run(s, 'mobile: setScreenLock', { lock: 'none' });
    await s.tap('tab-more');
    await s.tap('more-enhanced-security');
    await run(s, 'mobile: biometric', { match: true });
    await s.tap('more-enhanced-security');
    expect([s.screen, s.message]).toEqual(['more', expect.stringMatching(/screen lock/i)]);
  });
});
