/**
 * The throttle schedule of the password lock, e-mail codes and SMS codes on the vendor path: a server of its own
 * (`mbsc serve --conformance-clock`) reached over HTTP, its waits timed through the protocol's conformance clock
 * routes alone. Passes on the straight server, fails one whose waits never double, and reads untested when the
 * server does not offer the clock. Needs dist/ (npm run build).
 */
import { describe, expect, it } from 'vitest';
import { passwordLockThrottlingCheck } from '../../../../conformance/suites/two-factor/password-lock/throttling.js';
import { recoveryThrottlingCheck } from '../../../../conformance/suites/two-factor/recovery/throttling.js';
import { servedTarget, startServeProcess } from '../../../../conformance/selftest/serve-process.js';
import type { ServerFault } from '../../../../conformance/spec/faults.js';
import type { Summary } from '../../../../conformance/runner/summary-schema.js';
import { MBSC_BIN } from '../../../helpers/cli-process.js';
import { failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

const CHECKS = [passwordLockThrottlingCheck, recoveryThrottlingCheck];
const IDS = ['PWL-12', 'PWL-13', 'REC-16'];

async function onServed(faults: readonly ServerFault[], conformanceClock: boolean): Promise<Summary> {
  const server = await startServeProcess({ cli: MBSC_BIN, edition: 'lite', faults, conformanceClock });
  try {
    return await runTwoFactor(CHECKS, { runs: 1, target: servedTarget(server, 'lite'), profiles: [] });
  } finally {
    await server.stop();
  }
}

describe('password, e-mail and SMS code throttling on a server process, timed on its conformance clock', () => {
  it('passes on the straight server', async () => {
    const summary = await onServed([], true);
    expect(failuresOf(summary)).toEqual([]);
    expect(IDS.map((id) => verdictOf(summary, id))).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails a server whose wait never doubles, on each kind', async () => {
    const summary = await onServed(['throttle-never-doubles'], true);
    expect(IDS.map((id) => verdictOf(summary, id))).toEqual(['fail', 'fail', 'fail']);
    expect(failuresOf(summary).join('\n')).toMatch(/45 s after the 6th failure .*: a right password was answered/);
  });

  it('reads untested when the server offers no clock', async () => {
    const summary = await onServed([], false);
    expect(IDS.map((id) => verdictOf(summary, id))).toEqual(['untested', 'untested', 'untested']);
  });
});
