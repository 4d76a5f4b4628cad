/** RST-20: an app before 1.6.0 restores the complete set only, in process and through the screens. */
import { describe, expect, it } from 'vitest';
import { completeSetChecks } from '../../../../conformance/suites/restore/complete-set-before-1-6.js';
import { uiCompleteSetChecks } from '../../../../conformance/suites/restore/complete-set-before-1-6-screens.js';
import { referenceApp } from '../../../../conformance/targets/app-under-test.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, runThroughScreens, skipOn } from '../fixtures/device-run.js';

describe('restore before app 1.6.0', () => {
  it('passes in process on Android and iOS, each platform check skipping the other', async () => {
    const summary = await runDeviceChecks(completeSetChecks);
    expect(cellTable(summary)).toEqual({
      'restore-complete-set-before-1-6-android': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
      'restore-complete-set-before-1-6-ios': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)],
    });
  }, 120_000);

  it('catches an app that offers the file explorer before 1.6.0', async () => {
    const summary = await runDeviceChecks(completeSetChecks, { app: referenceApp(['item-restore-on-old-app']) });
    const failed = summary.checks.flatMap((c) => c.cells).filter((c) => c.verdict === 'fail');
    expect(failed.map((c) => c.failure?.requirements)).toEqual([['RST-20'], ['RST-20']]);
    expect(summary.requirements.find((r) => r.id === 'RST-20')?.verdict).toBe('fail');
  }, 120_000);

  it.each(uiCompleteSetChecks.map((check) => [check.id, check] as const))(
    '%s passes through the screens and catches the variant',
    async (_, check) => {
      const straight = await runThroughScreens(check, []);
      expect(straight.cells.filter((c) => c.verdict === 'pass')).toHaveLength(1);
      expect(straight.verdictOf('RST-20')).toBe('pass');
      const faulty = await runThroughScreens(check, ['item-restore-on-old-app']);
      expect(faulty.cells.filter((c) => c.verdict === 'fail').map((c) => c.failure?.requirements)).toEqual([
        ['RST-20'],
      ]);
    },
    120_000,
  );
});
