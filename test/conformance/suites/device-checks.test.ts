import { describe, expect, it } from 'vitest';
import { DEVICE_CHECKS } from '../../../conformance/suites/index.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { referenceApp } from '../../../conformance/targets/app-under-test.js';

const AREAS = ['BAK', 'RST', 'RFE', 'MIG', 'FUS', 'SRC', 'FTYPE', 'LIM', 'SET', 'LOG', 'PLAT'];

describe('the device suites', () => {
  it('are device-scope checks with unique kebab-case ids, tagged with catalogued ids of their areas', () => {
    const ids = DEVICE_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set<string>(REQUIREMENTS.map((r) => r.id));
    for (const check of DEVICE_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.scope).toBe('device');
      expect(check.requirements.length).toBeGreaterThan(0);
      for (const id of check.requirements) expect(known.has(id), `${check.id}: ${id}`).toBe(true);
    }
  });

  it('leave uncovered only the requirements the simulated app cannot show', () => {
    const covered = new Set(DEVICE_CHECKS.flatMap((c) => c.requirements));
    const uncovered = REQUIREMENTS.filter((r) => AREAS.includes(r.id.split('-')[0]!) && !covered.has(r.id)).map(
      (r) => r.id,
    );
    // Rules of the server alone, held by server checks: the app's version refused for a migration, a lost phone's
    // backup migrated after recovery, a migration discarding the original's unfinished uploads, the answer to
    // reporting items archived; and the desktop's migration-completed message, held by the browser checks. Texts
    // the app shows only on its screens (the phone's migration-completed text and dialogs per platform, the restore
    // option, free up space's status, iOS note, what it says of each change and its limit picker's Done) are held by the checks through the screens, which the default run runs in process.
    // PLAT-06 (tablets) is held by a check of its own that runs once per edition with a tablet it defines.
    expect(uncovered).toEqual([
      'PLAT-06',
      'MIG-12',
      'MIG-14',
      'MIG-15',
      'MIG-16',
      'MIG-17',
      'BAK-09',
      'BAK-10',
      'FUS-15',
      'FUS-16',
      'FUS-17',
      'FUS-18',
      'RST-19',
    ]);
  });
});

describe('where the device checks apply', () => {
  const vendor: TargetSession = {
    edition: 'pro',
    url: 'http://127.0.0.1:1',
    host: '127.0.0.1',
    udpPort: 1,
    app: referenceApp(),
    async close() {},
  };

  it('without a console key only the checks of the app alone run; the others say why they skip', () => {
    const column = { edition: 'pro' as const, profile: loadProfile('iphone-6s') };
    const verdicts = DEVICE_CHECKS.map((c) => [c.id, c.applies?.(column, vendor) ?? { applies: true }] as const);
    const running = verdicts.filter(([, a]) => a.applies).map(([id]) => id);
    expect(running.sort()).toEqual(
      [
        'settings-first-start-language',
        'settings-help-version',
        'settings-help-contact-and-faq',
        'settings-languages',
        'tfa-enhanced-security-password-link',
        'app-log-filter',
        'settings-pages-and-menus',
        'sources-at-least-one',
        'free-up-space-limits',
        'platforms-first-launch-permissions-ios',
        'pairing-needed-before-backup',
        'run-conditions-settings-defaults',
      ].sort(),
    );
    for (const [id, a] of verdicts) if (!a.applies && !running.includes(id)) expect(a.reason, id).toMatch(/./);
  });
});
