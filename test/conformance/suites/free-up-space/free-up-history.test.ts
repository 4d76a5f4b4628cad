/**
 * Free up space feeds its sequence's history to the freed-only-confirmed checker: an app that frees items the server
 * never confirmed fails FUS-06 through that checker, its witness the removal with what the server acknowledged.
 */
import { describe, expect, it } from 'vitest';
import { freeUpSpaceChecks } from '../../../../conformance/suites/free-up-space/model-in-process.js';
import { referenceApp } from '../../../../conformance/targets/app-under-test.js';
import { ANDROID, runDeviceChecks } from '../fixtures/device-run.js';

describe('the free up space history', () => {
  it(
    'catches an app freeing unconfirmed items through the freed-only-confirmed checker',
    { timeout: 240_000 },
    async () => {
      const android = freeUpSpaceChecks.filter((c) => c.id === 'free-up-space-model-android');
      const summary = await runDeviceChecks(android, {
        profiles: [ANDROID],
        app: referenceApp(['frees-unconfirmed-items']),
      });
      const [cell] = summary.checks[0]!.cells;
      expect(cell?.verdict).toBe('fail');
      expect(cell?.failure?.requirements).toEqual(['FUS-06']);
      // The state the property names is counted and reported, reached or not.
      expect(Object.keys(cell?.sometimes ?? {})).toEqual(['free-up-landed-exactly-on-its-limit']);
      expect(cell?.failure?.message).toMatch(
        /^freed-only-confirmed: removed unconfirmed item\(s\) [0-9a-f]{12}\n {2}#\d+ phone ok free-up removed=\[/,
      );
    },
  );
});
