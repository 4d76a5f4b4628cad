/**
 * run-conditions-server-without-internet: a server like the target's, its push notification service out of reach,
 * backs up and restores a device on its LAN; one that needs that service to start a backup fails RUN-02.
 */
import { describe, expect, it } from 'vitest';
import { serverWithoutInternetCheck } from '../../../../conformance/suites/run-conditions/server-without-internet.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, runChecks, verdictOf } from '../fixtures/run-checks.js';

const check = serverWithoutInternetCheck;

describe('run-conditions-server-without-internet', () => {
  it('passes on the reference server of each edition', async () => {
    const summary = await runChecks(new ReferenceTarget(['pro', 'home']), [check], 1);
    expect(cellsOf(summary, check.id)).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'pass', undefined],
    ]);
  });

  it('fails a server that refuses to start a backup while the push service is out of reach', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['backup-start-pushed'] });
    const summary = await runChecks(target, [check], 1);
    expect(verdictOf(summary, 'RUN-02')).toBe('fail');
    expect(cellsOf(summary, check.id)[0]?.[2]).toMatch(/push gateway could not be reached/);
  });
});
