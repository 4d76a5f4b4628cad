/**
 * For races against an append: a hook that holds an append at one of its steps (append-steps.ts) until released,
 * a server with a paired device, a backup job and a large upload (hashed on the hashing thread) to append to, an
 * upload half sent, a migration away from the device, and two requests sent at once in either order.
 */
import type { AppendStep, AppendStepHook } from '../../../reference-server/services/append-steps.js';
import { OFF_LOOP_BYTES } from '../../../reference-server/storage/running-digest.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { bytesOf, deviceIdentity, photo, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';

/** A hook that holds the first append to reach `step` until released, and says when one reached it. */
export function holdAt(step: AppendStep) {
  let reached!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const hook: AppendStepHook = async (at) => {
    if (at !== step || held) return;
    held = true;
    reached();
    await released;
  };
  return { hook, arrived, release };
}

/** A server (with `hook`), a paired device with a backup job open, and a large upload of `size` bytes. */
export async function deviceWithUpload(hook?: AppendStepHook, size = OFF_LOOP_BYTES + 300_000) {
  const t: TestServer = await startTestServer('pro', hook ? { appendSteps: hook } : {});
  const device = await t.pairDevice('Pixel 7');
  const backup = await device.call('startBackup', { body: {} });
  const bytes = bytesOf(size, size);
  const created = await device.call('createUpload', {
    body: { backupId: backup.backupId, sha256: sha256(bytes), size, meta: photo('IMG_0001.JPG') },
  });
  if (created.status !== 'created') throw new Error(`expected a new upload, not ${created.status}`);
  return { t, device, bytes, uploadId: created.upload.uploadId };
}

/** Settles `work` to what it answered or the error it failed with, so that a test can go on meanwhile. */
export function outcomeOf<T>(work: Promise<T>): Promise<{ answer: T } | { error: unknown }> {
  return work.then(
    (answer) => ({ answer }),
    (error: unknown) => ({ error }),
  );
}

/** Pairs a replacement for `originalId` on `t` (a migration) and answers its client. */
export async function migrate(t: TestServer, originalId: string): Promise<MbsClient> {
  const pairing = await t.console.call('createPairing', { body: { mode: 'migrate', originalDeviceId: originalId } });
  const replacement = new MbsClient({ baseUrl: t.server.url });
  const paired = await replacement.call('pair', {
    body: { token: pairing.token, edition: 'pro', device: deviceIdentity('Pixel 8') },
  });
  replacement.deviceKey = paired.deviceKey;
  return replacement;
}

/**
 * `a` and `b` sent at once, `b` first on odd rounds (whichever is sent first mostly arrives first, so both orders come
 * up over the rounds); answered in the order a, b.
 */
export async function atOnce<A, B>(round: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (round % 2 === 0) return Promise.all([a(), b()]);
  const [second, first] = await Promise.all([b(), a()]);
  return [first, second];
}

/** An upload of `bytes` announced by `device` in job `backupId` as IMG_<round>.jpg, its first half sent. */
export async function halfSent(device: MbsClient, backupId: string, round: number, bytes: Buffer) {
  const body = { backupId, sha256: sha256(bytes), size: bytes.length, meta: photo(`IMG_${round}.jpg`) };
  const created = await device.call('createUpload', { body });
  if (created.status !== 'created') throw new Error(`round ${round}: announced as ${created.status}`);
  const uploadId = created.upload.uploadId;
  const half = bytes.length >> 1;
  await device.append(uploadId, 0, bytes.subarray(0, half));
  return { body, uploadId, half };
}
