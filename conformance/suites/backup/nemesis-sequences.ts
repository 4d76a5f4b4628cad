/**
 * How the backup nemesis's commands are drawn, and how each sequence ends: every fault healed, the device's items
 * listed and each acknowledged one restored, then the device removed, the server crashed once more where it can
 * be, and a last listing with the removed device's key, which must not show its items again.
 */
import fc from 'fast-check';
import type { NetFault } from '../../kit/nemesis/fault-proxy.js';
import type { TargetSession } from '../../targets/target.js';
import { CRASH_POINT_NAMES } from '../../spec/crash-points.js';
import {
  addItem,
  armCrashPoint,
  cancel,
  commit,
  crash,
  fillDisk,
  list,
  listAll,
  netFault,
  partition,
  read,
  restore,
  skewPhoneClock,
  upload,
  type NemesisCommand,
} from './nemesis-commands.js';
import { consoleBeside, type NemesisWorld } from './nemesis-world.js';
import { STEERED } from './nemesis-steering.js';

/** Most items take a few requests' worth of body, so that a cut falls inside one. */
const size = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 2048, max: 16_384 }) },
  fc.integer({ min: 1, max: 64 }),
);
const netFaults: fc.Arbitrary<NetFault> = fc.oneof(
  fc.constant<NetFault>({ kind: 'cut-request' }),
  fc.integer({ min: 0, max: 4096 }).map<NetFault>((bodyBytes) => ({ kind: 'cut-request', bodyBytes })),
  fc.constant<NetFault>({ kind: 'drop-answer' }),
  fc.integer({ min: 10, max: 150 }).map<NetFault>((delayMs) => ({ kind: 'slow-answer', delayMs })),
);
const index = fc.nat(99);

const newItem = fc
  .tuple(fc.constantFrom('photo' as const, 'video' as const), size, fc.nat())
  .map(([kind, bytes, seed]) => addItem(kind, bytes, seed));

/** Items on the phone before the first command, so that most sequences upload from the start. */
export const initialItems = fc.array(newItem, { minLength: 1, maxLength: 3 });

/**
 * Uploads are drawn most, so that faults and crashes fall among acknowledged and half-sent items; after the plain
 * commands, one steered toward each named state.
 */
export const nemesisSteps: fc.Arbitrary<NemesisCommand>[] = [
  newItem,
  index.map((i) => upload(i)),
  index.map((i) => upload(i)),
  fc.tuple(index, netFaults).map(([i, fault]) => upload(i, fault)),
  fc.tuple(index, netFaults).map(([i, fault]) => upload(i, fault)),
  index.map(cancel),
  fc.constant(list),
  index.map(read),
  fc.constant(commit),
  fc.constant(crash),
  fc.constant(crash),
  fc.constantFrom(...CRASH_POINT_NAMES).map(armCrashPoint),
  fc.boolean().map(partition),
  fc.boolean().map(fillDisk),
  netFaults.map(netFault),
  fc.constantFrom(-3_600_000, 29_999, 86_400_000).map(skewPhoneClock),
  // A way to each state the property names, drawn like the rest (nemesis-steering.ts).
  ...Object.values(STEERED),
];

/** The end of every sequence (see the file's comment). */
export async function finish(w: NemesisWorld, session: TargetSession): Promise<void> {
  w.nemesis.heal();
  await listAll(w);
  for (const sha of w.acknowledged) await restore(w, sha);
  const console = consoleBeside(session, w.nemesis);
  if (!console) return;
  const removed = await w.record({ f: 'remove-device' }, () =>
    console.call('removeDevice', { params: { deviceId: w.device.deviceId } }).then(() => true),
  );
  if (!removed) return;
  await w.nemesis.crash();
  await listAll(w);
}
