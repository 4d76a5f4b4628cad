/**
 * The nemesis fills the disk through the quota when no small disk is mounted (MBSC_NO_DISK_MOUNT=1 stands for a
 * machine that refuses the mount): the restartable reference server runs under a quota, the nemesis's full disk
 * refuses an upload as a full disk does (the state write-refused-on-full-disk is reached), the quota holds after a
 * crash, freeing the disk lets the upload through, and the history's checkers find nothing partial or lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryRecorder } from '../../../../conformance/kit/history/history.js';
import { judgeHistory } from '../../../../conformance/kit/history/judge.js';
import { Nemesis } from '../../../../conformance/kit/nemesis/nemesis.js';
import { Sometimes } from '../../../../conformance/kit/sometimes.js';
import { addItem, crash, fillDisk, modelOf, upload } from '../../../../conformance/suites/backup/nemesis-commands.js';
import { finish } from '../../../../conformance/suites/backup/nemesis-sequences.js';
import { NemesisWorld, type NemesisState } from '../../../../conformance/suites/backup/nemesis-world.js';
import { restartableSession } from '../../../helpers/nemesis-session.js';

/** Generous: two server starts and a 24 MiB filler on a busy two-core machine. */
const TIMEOUT_MS = 180_000;

let nemesis: Nemesis | undefined;
beforeEach(() => {
  process.env.MBSC_NO_DISK_MOUNT = '1';
});
afterEach(async () => {
  delete process.env.MBSC_NO_DISK_MOUNT;
  await nemesis?.close();
  nemesis = undefined;
});

describe('a full disk through the quota', () => {
  it('refuses the upload, survives a crash, and lets it through once freed', { timeout: TIMEOUT_MS }, async () => {
    let recorder = new HistoryRecorder();
    const session = restartableSession();
    nemesis = await Nemesis.open(session, () => recorder);
    expect(nemesis.server?.disk?.kind).toBe('quota');
    expect(nemesis.canFillDisk).toBe(true);
    recorder = new HistoryRecorder();
    const sometimes = new Sometimes<NemesisState>(['write-refused-on-full-disk']);
    const world = await NemesisWorld.pair(session, nemesis, 'Nemesis quota', sometimes, recorder);
    const model = modelOf(nemesis);
    const run = async (...commands: ReturnType<typeof upload>[]) => {
      for (const c of commands) await c.run(model, world);
    };

    await run(addItem('photo', 300_000, 7), fillDisk(true), upload(0));
    expect(nemesis.diskFull).toBe(true);
    expect(sometimes.reached()['write-refused-on-full-disk']).toBe(1);
    expect(world.acknowledged.size).toBe(0);

    // Started again on its data, the server keeps to the same quota: the disk is still full.
    await run(crash, upload(0));
    expect(sometimes.reached()['write-refused-on-full-disk']).toBe(2);
    expect(world.acknowledged.size).toBe(0);

    await run(fillDisk(false), upload(0));
    expect([...world.acknowledged]).toEqual([world.phone[0]?.sha256]);
    await finish(world, session);
    judgeHistory(recorder.history, ['acknowledged-kept', 'no-partial-item', 'no-resurrection']);
  });
});
