/**
 * A reference server thread that crashes mid-run (an uncaught error in one server's code ends the thread and every
 * server on it): the cells still running on its servers, and those that begin later, are `error` naming the crash,
 * never a `fail` of a server that never got to answer; a cell that ended before keeps its verdict.
 */
import { describe, expect, it } from 'vitest';
import type { Check, CheckContext } from '../../../conformance/kit/check.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ReferenceTarget, SERVER_THREAD } from '../../../conformance/targets/reference-target.js';
import { crashServerThread } from '../../../conformance/targets/server-threads.js';
import { discoverServers } from '../../../simulators/mbs-client/discovery-client.js';

const CRASH = 'a fault in one server on the thread';

/** A check of a rule about the server's ports, which reads no answer as the server's fault, as such checks do. */
const portCheck = (id: string, run: (context: CheckContext) => Promise<void>): Check => ({
  id,
  title: id,
  area: 'NET',
  requirements: ['NET-05'],
  scope: 'server',
  async run(context) {
    await run(context);
    return { verdict: 'pass' as const, runs: 1 };
  },
});

/** Throws the check's own finding (a plain Error: a `fail`) when the server's HTTP port refuses to answer. */
async function mustAnswer(url: string): Promise<void> {
  const answered = await fetch(`${url}/v1/info`).then(
    () => true,
    () => false,
  );
  if (!answered) throw new Error(`the server at ${url} refused a connection its announced port must accept`);
}

/** Resolves with what `signal()` is called with: the order between the cells, whatever the pool's timing. */
function event<T = void>(): { readonly happened: Promise<T>; signal(value: T): void } {
  let signal: (value: T) => void = () => {};
  const happened = new Promise<T>((resolve) => (signal = resolve));
  return { happened, signal };
}

describe('a reference server thread that crashes mid-run', () => {
  it('errs every cell of its servers not yet ended, naming the crash, and keeps the ones that ended', async () => {
    const silentBegan = event();
    const crashed = event();
    let laterRan = false;
    const checks = [
      portCheck('ended-before', (context) => mustAnswer(context.session.url)),
      // Crashes the thread once the cell above has ended (the next one has begun in its place).
      portCheck('meets-the-dead-port', async (context) => {
        await silentBegan.happened;
        // The thread of the target's servers (reference-target.ts).
        await crashServerThread(SERVER_THREAD, CRASH);
        crashed.signal();
        await mustAnswer(context.session.url);
      }),
      portCheck('meets-a-silent-discovery-port', async (context) => {
        silentBegan.signal();
        await crashed.happened;
        const found = await discoverServers({ host: '127.0.0.1', ports: [context.session.udpPort], timeoutMs: 300 });
        if (found.length === 0) throw new Error(`no discovery answer on UDP ${context.session.udpPort}`);
      }),
      // Begins once a cell above has ended, after the crash.
      portCheck('begins-after-the-crash', async (context) => {
        laterRan = true;
        await mustAnswer(context.session.url);
      }),
    ];
    const { summary } = await runConformance({
      target: new ReferenceTarget(['pro']),
      checks,
      catalogue: REQUIREMENTS,
      profiles: [],
      seed: 7,
      runs: 1,
      concurrency: 2,
      command: 'test',
      kitVersion: 'test',
      replayCommand: () => 'mbsc run',
    });

    const cells = Object.fromEntries(summary.checks.map((c) => [c.checkId, c.cells[0]]));
    expect(cells['ended-before']?.verdict).toBe('pass');
    const crash = `the reference server thread crashed (Error: ${CRASH})`;
    // Each read the lost server as its fault: a `fail` it is not.
    for (const id of ['meets-the-dead-port', 'meets-a-silent-discovery-port']) {
      expect([id, cells[id]?.verdict]).toEqual([id, 'error']);
      expect(cells[id]?.reason).toContain(
        'its servers were lost by the time this cell ended (its check read fail, not judged)',
      );
      expect(cells[id]?.reason).toContain(crash);
    }
    expect(cells['begins-after-the-crash']?.verdict).toBe('error');
    expect(cells['begins-after-the-crash']?.reason).toContain(`its servers were lost before this cell began: ${crash}`);
    // A cell that would begin on a lost server is not run at all.
    expect(laterRan).toBe(false);
    expect(summary.verdict).toBe('error');
  }, 60_000);
});
