/**
 * run-conditions-server-without-internet: a server like the target's, its push notification service out of reach,
 * backs up and restores a device on its LAN; one that needs that service to start a backup fails RUN-02.
 */
import { describe, expect, it } from 'vitest';
import { serverWithoutInternetCheck } from '../../../../conformance/suites/run-conditions/server-without-internet.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { NO_PUSH_SERVICE } from '../../../../conformance/targets/own-server-process.js';
import type { OwnServer, Target } from '../../../../conformance/targets/target.js';
import { MbsError } from '../../../../conformance/spec/errors.js';
import { cellsOf, runChecks, verdictOf } from '../fixtures/run-checks.js';

const check = serverWithoutInternetCheck;

/** The Pro reference server whose second servers are bent by `bend`; `services` gets each push service URL given. */
function secondServers(services: string[], bend: (own: OwnServer) => OwnServer = (own) => own): Target {
  const inner = new ReferenceTarget(['pro']);
  return {
    describe: () => inner.describe(),
    async open(edition) {
      const session = await inner.open(edition);
      const start = session.startOwnServerWithPushService!;
      return {
        ...session,
        startOwnServerWithPushService: async (url: string) => (services.push(url), bend(await start(url))),
      };
    },
  };
}

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

  it('hands the second server the discard port, which no service of the kit listens on', async () => {
    const services: string[] = [];
    const summary = await runChecks(secondServers(services), [check], 1);
    expect(cellsOf(summary, check.id)).toEqual([['pro', 'pass', undefined]]);
    expect(services).toEqual([NO_PUSH_SERVICE]);
  });

  it('errors, and fails no RUN-02, when the second server will not pair', async () => {
    const unpaired = (own: OwnServer): OwnServer => {
      const call = (async (name: string, ...rest: never[]) =>
        name === 'createPairing'
          ? Promise.reject(new MbsError('internal-error', 'no pairings today'))
          : own.console.call(name as never, ...rest)) as OwnServer['console']['call'];
      return { ...own, console: Object.assign(Object.create(own.console) as OwnServer['console'], { call }) };
    };
    const summary = await runChecks(secondServers([], unpaired), [check], 1);
    expect(cellsOf(summary, check.id)[0]?.slice(0, 2)).toEqual(['pro', 'error']);
    expect(verdictOf(summary, 'RUN-02')).not.toBe('fail');
  });
});
