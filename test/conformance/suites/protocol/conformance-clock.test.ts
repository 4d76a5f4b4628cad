/**
 * The conformance clock check through the runner: the reference target moves its clock as told and its own servers
 * refuse the routes; a server whose clock moves wrongly fails this one check with what it did, and every check that
 * needs the clock leaves its rules of time untested with that reason instead of failing what it was never fairly asked.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { conformanceClockCheck } from '../../../../conformance/suites/protocol/conformance-clock.js';
import { totpWindowCheck } from '../../../../conformance/suites/two-factor/totp/code-window.js';
import { ServerTarget } from '../../../../conformance/targets/server-target.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { miscountingClockServer, type MiscountingServer } from '../../../helpers/miscounting-clock-server.js';
import { cellsOf, runTwoFactor } from '../fixtures/two-factor-run.js';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe('protocol-conformance-clock', () => {
  it('passes on the reference target: its clock moves as told, a server started without it refuses the routes', async () => {
    const summary = await runTwoFactor([conformanceClockCheck], { target: new ReferenceTarget(['pro']), profiles: [] });
    expect(cellsOf(summary, 'protocol-conformance-clock')).toEqual([['pro', 'pass', undefined]]);
  });

  it('fails a server whose clock stands still with what it did, and leaves the rules of time untested', async () => {
    const bad: MiscountingServer = await miscountingClockServer(() => 0);
    closers.push(() => bad.close());
    const target = new ServerTarget({
      url: bad.url,
      udpPort: bad.inner.server.identity.udpPort,
      edition: 'pro',
      consoleKey: bad.inner.server.consoleKey,
    });
    const summary = await runTwoFactor([conformanceClockCheck, totpWindowCheck], { target, profiles: [] });
    const told = /^the server's conformance clock does not move as told: asked \+60000 ms, it moved [+-]?\d+ ms$/;
    expect(cellsOf(summary, 'protocol-conformance-clock')).toEqual([['pro', 'fail', expect.stringMatching(told)]]);
    // The window model runs what needs no clock and leaves the rules of time untested, with the clock's fault.
    expect(cellsOf(summary, 'tfa-totp-window-model')).toEqual([['pro', 'pass', undefined]]);
    const untested = summary.requirements.filter((r) => ['TOTP-13', 'TOTP-14'].includes(r.id));
    expect(untested.map((r) => [r.id, r.verdict, r.reason])).toEqual([
      ['TOTP-13', 'untested', expect.stringMatching(told)],
      ['TOTP-14', 'untested', expect.stringMatching(told)],
    ]);
    expect(summary.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id)).toEqual(['NET-10']);
  });

  it('skips with the reason when the run declines the clock and the target starts no server of its own', async () => {
    const bad = await miscountingClockServer((asked) => asked);
    closers.push(() => bad.close());
    // The same server, validated without its clock: nothing to judge it on, so the check says why it skips.
    const target = new ServerTarget({
      url: bad.url,
      udpPort: bad.inner.server.identity.udpPort,
      edition: 'pro',
      conformanceClock: false,
    });
    const summary = await runTwoFactor([conformanceClockCheck], { target, profiles: [] });
    expect(cellsOf(summary, 'protocol-conformance-clock')).toEqual([
      ['pro', 'skipped', expect.stringContaining('offers no conformance clock the kit can move')],
    ]);
  });
});
