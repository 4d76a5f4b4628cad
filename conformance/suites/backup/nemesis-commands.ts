/**
 * The backup nemesis's commands: the phone's operations (add an item, upload it, abandon an upload, list, restore,
 * commit the job) and the nemesis's faults (crash, a crash point armed, partition, full disk, the phone's clock, a cut
 * request, a dropped or slow answer), drawn together. Each phone operation goes into the history; the checkers judge it afterwards.
 */
import type fc from 'fast-check';
import type { ListedItem } from '../../kit/history/history.js';
import type { NetFault } from '../../kit/nemesis/fault-proxy.js';
import type { Nemesis } from '../../kit/nemesis/nemesis.js';
import { outcomeOf } from '../../kit/nemesis/outcome.js';
import { sha256 } from '../../kit/server-support.js';
import type { ItemKind } from '../../spec/file-types.js';
import type { CrashPoint } from '../../spec/crash-points.js';
import { listAllItems } from '../../../simulators/mbs-client/listing-pages.js';
import type { NemesisWorld } from './nemesis-world.js';

/** What the commands need to know before they run: which faults the target lets the nemesis inject. */
export interface NemesisModel {
  readonly canCrash: boolean;
  readonly canFillDisk: boolean;
  readonly canArmCrashPoint: boolean;
}

/** The model of a sequence against this nemesis: which of its faults this target offers. */
export function modelOf(nemesis: Nemesis): NemesisModel {
  return {
    canCrash: nemesis.canCrash,
    canFillDisk: nemesis.canFillDisk,
    canArmCrashPoint: nemesis.crashPointLack === undefined,
  };
}

export type NemesisCommand = fc.AsyncCommand<NemesisModel, NemesisWorld>;

export function command(
  name: string,
  run: (w: NemesisWorld) => Promise<void> | void,
  check: (m: NemesisModel) => boolean = () => true,
): NemesisCommand {
  return { check: (m) => check(m), run: async (_m, w) => void (await run(w)), toString: () => name };
}

export const addItem = (kind: ItemKind, size: number, seed: number) =>
  command(`addItem(${kind}, ${size})`, (w) => w.addItem(kind, size, seed));

/** Uploads the phone's item `index` (mod their number), its bytes' request meeting `fault` when one is given. */
export const upload = (index: number, fault?: NetFault) =>
  command(`upload(${index}${fault ? `, ${describe(fault)}` : ''})`, (w) => uploadItem(w, index, fault));

/** The upload of the phone's item `index` (see upload), for the commands that chain it with other steps. */
export async function uploadItem(w: NemesisWorld, index: number, fault?: NetFault): Promise<void> {
  const item = w.phone[index % Math.max(1, w.phone.length)];
  const job = item && (await w.openJob());
  if (!item || !job) return;
  const size = item.bytes.length;
  let sent = 0;
  const done = w.recorder.invoke(w.process, { f: 'upload', sha256: item.sha256, size });
  try {
    const created = await w.client.call('createUpload', {
      body: { backupId: job, sha256: item.sha256, size, meta: w.metaOf(item) },
    });
    if (created.status === 'duplicate') return acknowledge(w, item.sha256, size, done);
    const { offset, uploadId } = created.upload;
    w.uploads.set(item.sha256, uploadId);
    if (offset > 0) w.sometimes.reach('resume-from-non-zero-offset');
    sent = offset;
    if (fault) w.nemesis.arm(fault);
    sent = offset + bytesReaching(fault, size - offset);
    if (fault?.kind === 'cut-request' && sent > offset && sent < size) w.sometimes.reach('request-cut-mid-body');
    const appended = await w.client.append(uploadId, offset, item.bytes.subarray(offset));
    if (appended.complete) return acknowledge(w, item.sha256, size, done);
    done('info', { f: 'upload', sha256: item.sha256, size, sent });
  } catch (error) {
    w.answerDropped = fault?.kind === 'drop-answer';
    if (w.answerDropped && sent === size) w.sometimes.reach('answer-dropped-after-upload-completed');
    if (w.nemesis.diskFull) w.sometimes.reach('write-refused-on-full-disk');
    done(outcomeOf(error), { f: 'upload', sha256: item.sha256, size, sent });
    if (await w.nemesis.restartIfCrashed()) w.sometimes.reach('crash-between-hashing-and-committing');
  }
}

function acknowledge(w: NemesisWorld, sha: string, size: number, done: ReturnType<NemesisWorld['recorder']['invoke']>) {
  w.acknowledged.add(sha);
  w.inOpenJob.add(sha);
  w.uploads.delete(sha);
  w.answerDropped = false;
  done('ok', { f: 'upload', sha256: sha, size, sent: size });
}

/** How many of `remaining` body bytes reach the server under `fault`. */
function bytesReaching(fault: NetFault | undefined, remaining: number): number {
  if (fault?.kind !== 'cut-request') return remaining;
  return Math.min(remaining, Math.max(0, fault.bodyBytes ?? 0));
}

export const cancel = (index: number) =>
  command(`cancel(${index})`, async (w) => {
    const item = w.phone[index % Math.max(1, w.phone.length)];
    const uploadId = item && w.uploads.get(item.sha256);
    if (!item || !uploadId) return;
    w.uploads.delete(item.sha256);
    await w.record({ f: 'cancel', sha256: item.sha256 }, () => w.client.call('cancelUpload', { params: { uploadId } }));
  });

/** Every page of the device's items, all tabs, as one operation. */
export async function listAll(w: NemesisWorld): Promise<void> {
  await w.record(
    { f: 'list' },
    async (): Promise<ListedItem[]> =>
      (await listAllItems(w.client, { limit: 1000 })).map((i) => ({ sha256: i.sha256, size: i.size, tab: i.tab })),
    (items) => ({ f: 'list', items }),
  );
}

export const list = command('list()', listAll);

/** Restores the phone's item `index` (of those acknowledged) and records what came back. */
export async function restore(w: NemesisWorld, sha: string): Promise<void> {
  await w.record(
    { f: 'read', sha256: sha },
    () => w.client.download(sha),
    (bytes) => ({ f: 'read', sha256: sha, gotSha256: sha256(bytes), gotSize: bytes.length }),
  );
}

export const read = (index: number) =>
  command(`restore(${index})`, async (w) => {
    const acknowledged = [...w.acknowledged];
    const sha = acknowledged[index % Math.max(1, acknowledged.length)];
    if (sha) await restore(w, sha);
  });

export const commit = command('commit()', async (w) => {
  if (!w.job) return;
  const backupId = w.job;
  const present = w.phone.map((i) => i.sha256).filter((sha) => w.acknowledged.has(sha));
  const snapshot = await w.record(
    { f: 'commit' },
    () => w.client.call('commitBackup', { params: { backupId }, body: { present, accounts: [] } }),
    (s) => ({ f: 'commit', counted: s.counts.photos + s.counts.videos + s.counts.files }),
  );
  if (snapshot) {
    w.job = undefined;
    w.inOpenJob.clear();
  }
});

export const crash = command(
  'crash()',
  async (w) => {
    if (w.inOpenJob.size > 0) w.sometimes.reach('crash-with-acknowledged-item-in-open-job');
    if (w.answerDropped) w.sometimes.reach('crash-after-answer-dropped');
    await w.nemesis.crash();
  },
  (m) => m.canCrash,
);

/** Arms a crash point: the next upload to complete kills the server between hashing its item and committing it. */
export const armCrashPoint = (point: CrashPoint) =>
  command(
    `armCrashPoint(${point})`,
    (w) => w.nemesis.armCrashPoint(point),
    (m) => m.canArmCrashPoint,
  );

export const partition = (on: boolean) => command(`partition(${on})`, (w) => w.nemesis.partition(on));
export const fillDisk = (on: boolean) =>
  command(
    `fillDisk(${on})`,
    (w) => w.nemesis.fillDisk(on),
    (m) => m.canFillDisk,
  );
export const netFault = (fault: NetFault) => command(describe(fault), (w) => w.nemesis.arm(fault));

/** The phone's clock jumps (or drifts) by `ms`: items it adds later carry its skewed capture times. */
export const skewPhoneClock = (ms: number) =>
  command(`skewPhoneClock(${ms})`, (w) => {
    w.phoneClockSkewMs += ms;
    w.recorder.note(`phone clock moved ${ms} ms`);
  });

export function describe(fault: NetFault): string {
  if (fault.kind === 'slow-answer') return `slowAnswer(${fault.delayMs})`;
  if (fault.kind === 'drop-answer') return 'dropAnswer()';
  return `cutRequest(${fault.bodyBytes ?? 'before'})`;
}
