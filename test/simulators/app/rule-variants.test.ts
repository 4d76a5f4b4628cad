/** The straight app rules the self-test's connection, restore page and tablet variants bend, and their variants. */
import { describe, expect, it } from 'vitest';
import { ClientError, CLIENT_ERRORS } from '../../../conformance/spec/errors.js';
import { appRules, STRAIGHT_APP_RULES as rules } from '../../../simulators/app/app-rules.js';
import { assertModelServed } from '../../../simulators/app/os-support.js';

describe('the connection setting', () => {
  it("fails with the seed's message whatever the cause, and dials the port discovery answered", () => {
    for (const why of ['malformed', 'no-answer'] as const) {
      const error = rules.connectFailure('123.456.7&.115', why);
      expect([error.code, error.message]).toEqual(['host-invalid', CLIENT_ERRORS['host-invalid']]);
    }
    expect(rules.dialedPort(50003, 'pro')).toBe(50003);
    expect(appRules(['auto-dials-default-port']).dialedPort(51007, 'lite')).toBe(51000);
    expect(appRules(['invalid-host-times-out']).connectFailure('a&0', 'malformed').code).toBe('timeout');
    expect(appRules(['invalid-host-times-out']).connectFailure('a.b', 'no-answer').code).toBe('host-invalid');
  });

  it('locks the host field while Save & Connect tries, and says so', () => {
    expect(rules.whileConnecting()).toEqual({ hostLocked: true, status: 'Attempting to connect' });
    expect(appRules(['host-editable-while-connecting']).whileConnecting().hostLocked).toBe(false);
  });
});

describe('the restore page and the 2FA page', () => {
  it('ticks the 2FA accounts all or none', () => {
    expect([rules.accountsTicked(true, 0, 3), rules.accountsTicked(false, 3, 3)]).toEqual([3, 0]);
    const bent = appRules(['accounts-ticked-one-by-one']);
    expect([bent.accountsTicked(true, 0, 3), bent.accountsTicked(true, 1, 3)]).toEqual([1, 2]);
  });

  it('offers the secret key with or without a camera', () => {
    expect([rules.offersSecretEntry(true), rules.offersSecretEntry(false)]).toEqual([true, true]);
    expect(appRules(['secret-entry-needs-camera']).offersSecretEntry(false)).toBe(false);
  });

  it('lists each tab alone, afresh', () => {
    expect(rules.listedTabs('recent')).toEqual(['recent']);
    expect(appRules(['recent-lists-freed-items']).listedTabs('recent')).toEqual(['recent', 'archive']);
    expect([rules.listsAfresh(), appRules(['restore-lists-kept']).listsAfresh()]).toEqual([true, false]);
  });
});

describe('devices the app serves', () => {
  it('runs on an iPad and an Android tablet as on a phone', () => {
    expect(() => assertModelServed('ios', 'iPad12,1', rules.servesModel)).not.toThrow();
    expect(() => assertModelServed('android', 'SM-X710', rules.servesModel)).not.toThrow();
    const bent = appRules(['ipad-refused']).servesModel;
    expect(() => assertModelServed('ios', 'iPad12,1', bent)).toThrow(ClientError);
    expect(() => assertModelServed('ios', 'iPhone13,1', bent)).not.toThrow();
  });

  it("takes the backup machine's LAN without internet as the LAN", () => {
    const lan = { wifi: 'home', backupMachineReachable: true, internet: false };
    expect(rules.onBackupLan(lan)).toBe(true);
    expect(appRules(['backup-needs-internet']).onBackupLan(lan)).toBe(false);
  });

  it('keeps Recently Deleted as it is after freeing up space', () => {
    expect([rules.emptiesRecentlyDeleted('ios'), rules.emptiesRecentlyDeleted('android')]).toEqual([false, false]);
    expect(appRules(['ios-free-up-empties-recently-deleted']).emptiesRecentlyDeleted('ios')).toBe(true);
  });
});
