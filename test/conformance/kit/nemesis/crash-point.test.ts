/**
 * A crash between hashing an item and committing it: the restartable reference server takes crash points, the
 * nemesis arms one, the next upload to complete kills the server there (the state crash-between-hashing-and-committing
 * is reached), the server starts again on its data, the phone uploads the item again, and the history's checkers
 * find nothing partial or lost. A server started without crash points says why the state is not reachable.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryRecorder } from '../../../../conformance/kit/history/history.js';
import { judgeHistory } from '../../../../conformance/kit/history/judge.js';
import { Nemesis } from '../../../../conformance/kit/nemesis/nemesis.js';
import { Sometimes, withReached } from '../../../../conformance/kit/sometimes.js';
import { CRASH_POINT_NAMES } from '../../../../conformance/spec/crash-points.js';
import {
  addItem,
  armCrashPoint,
  list,
  modelOf,
  upload,
} from '../../../../conformance/suites/backup/nemesis-commands.js';
import { finish } from '../../../../conformance/suites/backup/nemesis-sequences.js';
import { NemesisWorld, type NemesisState } from '../../../../conformance/suites/backup/nemesis-world.js';
import { restartableOn, startRestartableServer } from '../../../../conformance/targets/restartable-server.js';
import { startProcess } from '../../../../conformance/targets/started-processes.js';
import { whereItListens } from '../../../../conformance/targets/served-lines.js';
import type { TargetSession } from '../../../../conformance/targets/target.js';
import { REPO_ROOT } from '../../../helpers/cli-process.js';

const ENTRY = path.join(REPO_ROOT, 'dist/conformance/targets/restartable-entry.js');
/** Generous: a few server starts on a busy two-core machine. */
const TIMEOUT_MS = 180_000;
const STATE = 'crash-between-hashing-and-committing';

let nemesis: Nemesis | undefined;
afterEach(async () => {
  await nemesis?.close();
  nemesis = undefined;
});

const sessionWith = (start: TargetSession['startRestartableServer']) =>
  // The nemesis and the phone read only these of a session: the server they start is their own.
  ({
    edition: 'pro',
    url: 'http://127.0.0.1:9',
    host: '127.0.0.1',
    udpPort: 0,
    startRestartableServer: start,
  }) as unknown as TargetSession;

describe('a crash between hashing and committing', () => {
  it.each(CRASH_POINT_NAMES)(
    'at %s: the server dies, starts again, and keeps nothing partial',
    { timeout: TIMEOUT_MS },
    async (point) => {
      let recorder = new HistoryRecorder();
      const session = sessionWith(() => startRestartableServer(ENTRY, 'pro', []));
      nemesis = await Nemesis.open(session, () => recorder);
      expect(nemesis.crashPointLack).toBeUndefined();
      recorder = new HistoryRecorder();
      const sometimes = new Sometimes<NemesisState>([STATE]);
      const world = await NemesisWorld.pair(session, nemesis, 'Nemesis crash point', sometimes, recorder);
      const model = modelOf(nemesis);
      expect(model.canArmCrashPoint).toBe(true);
      const urlBefore = nemesis.server?.url;

      for (const c of [addItem('photo', 40_000, 7), armCrashPoint(point), upload(0)]) await c.run(model, world);
      expect(sometimes.reached()[STATE]).toBe(1);
      expect(world.acknowledged.size).toBe(0);
      expect(nemesis.server?.url).not.toBe(urlBefore);
      expect(recorder.history.map((op) => (op.value.f === 'nemesis' ? op.value.fault : op.type))).toContain(
        'the server died at its crash point; started again on its data',
      );

      // The point fired once: the same upload, tried again, completes.
      for (const c of [upload(0), list]) await c.run(model, world);
      expect([...world.acknowledged]).toEqual([world.phone[0]?.sha256]);
      expect(sometimes.reached()[STATE]).toBe(1);
      await finish(world, session);
      judgeHistory(recorder.history, ['acknowledged-kept', 'no-partial-item', 'no-resurrection']);
    },
  );

  it('reads not reachable, with why, on a server started without crash points', { timeout: TIMEOUT_MS }, async () => {
    const start = () =>
      restartableOn(
        'mbsc-test-no-crash-points-',
        'k'.repeat(48),
        async (dataDir) => {
          const child = startProcess([
            process.execPath,
            ENTRY,
            JSON.stringify({ edition: 'pro', dataDir, consoleKey: 'k'.repeat(48), faults: [] }),
          ]);
          return { child, url: (await whereItListens(child, 30_000)).url };
        },
        { crashPoints: 'this server was started without them' },
      );
    nemesis = await Nemesis.open(sessionWith(start), () => new HistoryRecorder());
    expect(nemesis.crashPointLack).toBe('this server was started without them');
    expect(modelOf(nemesis).canArmCrashPoint).toBe(false);
    const sometimes = new Sometimes<NemesisState>([STATE, 'request-cut-mid-body'], { [STATE]: nemesis.crashPointLack });
    expect(withReached({ verdict: 'pass', runs: 1 }, sometimes)).toEqual({
      verdict: 'pass',
      runs: 1,
      sometimes: { 'request-cut-mid-body': 0 },
      notReachable: { [STATE]: 'this server was started without them' },
    });
  });
});
