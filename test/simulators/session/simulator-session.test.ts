import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../../simulators/session/screen-tree.js';
import type { ScreenName } from '../../../simulators/session/screen-state.js';
import { assertUniqueIds, walk } from '../../../simulators/session/ui-element.js';
import { ids, session } from './session-fixture.js';

describe('SimulatorSession screens and taps', () => {
  it('starts on Home, not paired, with the tab bar and an enabled Activate button', () => {
    const s = session();
    expect(s.screen).toBe('home');
    expect(ids(s)).toEqual(expect.arrayContaining(['tab-home', 'tab-backup', 'tab-2fa', 'tab-more', 'home-activate']));
    expect(s.element('home-status').text).toBe('Not paired with a backup machine');
    expect(s.element('tab-home').selected).toBe(true);
  });

  it('gives every element of every screen an id of its own, on both platforms', () => {
    for (const platform of ['android', 'ios'] as const) {
      const s = session(platform);
      for (const screen of Object.keys(SCREENS) as ScreenName[]) {
        s.open(screen);
        expect(() => assertUniqueIds(s.tree()), `${platform} ${screen}`).not.toThrow();
        const actionable = [...walk(s.tree())].filter((e) => e.tap || e.input);
        expect(
          actionable.every((e) => /^[a-z0-9-]+$/.test(e.id)),
          `${platform} ${screen}`,
        ).toBe(true);
      }
    }
  });

  it('navigates by the tab bar, into sub-screens and back', async () => {
    const s = session();
    await s.tap('tab-more');
    await s.tap('more-help');
    await s.tap('help-app-log');
    expect(s.nav.path).toEqual(['more', 'help', 'app-log']);
    await s.tap('nav-back');
    expect(s.screen).toBe('help');
    expect(ids(s)).not.toContain('tab-backup');
    s.back();
    await s.tap('tab-backup');
    expect(s.nav.path).toEqual(['backup']);
  });

  it('flips the More switches, picks a free up space limit and a language', async () => {
    const s = session();
    await s.tap('tab-more');
    await s.tap('more-power-saving');
    expect(s.app.settings.powerSaving).toBe(false);
    expect(s.element('more-power-saving').checked).toBe(false);
    expect(s.element('more-free-up-limit').enabled).toBe(false);
    await s.tap('more-free-up-space');
    await s.tap('more-free-up-limit');
    await s.tap('limit-6');
    expect([s.screen, s.app.settings.freeUpSpaceLimitGb, s.element('limit-6').checked]).toEqual([
      'free-up-limit',
      2,
      true,
    ]);
    await s.tap('limit-done');
    expect(s.app.settings.freeUpSpaceLimitGb).toBe(6);
    expect(s.screen).toBe('more');
    await s.tap('more-language');
    await s.tap('language-portuguese-brazilian');
    expect(s.element('more-language').text).toBe('Language: Portuguese (Brazilian)');
  });

  it('ignores a tap on a greyed-out element, and refuses an element not on the screen', async () => {
    const s = session();
    await s.tap('tab-backup');
    expect(s.element('backup-start').enabled).toBe(false);
    await s.tap('backup-start');
    expect(s.app.backupJob).toBeUndefined();
    await expect(s.tap('home-activate')).rejects.toMatchObject({ code: 'element-stale' });
  });

  it('lists documents as a backup source on Android only, and shows the refusal to deselect every source', async () => {
    const ios = session('ios');
    await ios.tap('tab-backup');
    expect(ids(ios)).not.toContain('source-documents');
    const android = session('android');
    await android.tap('tab-backup');
    for (const id of ['source-photos', 'source-videos', 'source-documents']) await android.tap(id);
    await android.tap('source-2fa');
    expect(android.element('message-text').text).toBe('Select at least one backup source.');
    expect(android.app.sources.twoFactorAccounts).toBe(true);
  });

  it('filters the app log by type', async () => {
    const s = session();
    s.app.log.add('Backup', 'Info', 'one');
    s.app.log.add('2FA', 'Error', 'two');
    s.open('app-log');
    expect(s.element('log-count').text).toBe('2 entries');
    await s.tap('log-filter');
    await s.tap('filter-2fa-error');
    await s.tap('filter-done');
    expect(s.element('log-count').text).toBe('1 entries');
    expect(s.element('log-0').text).toMatch(/Backup Info: one$/);
  });
});
