/**
 * The in-process adapter of the restore port (`RestoreApp`, selection-commands.ts): the app model on a simulated
 * device, driving the restore page and the restore job, with the wire armed to stop the job or cut the LAN after
 * the n-th download.
 */
import type { Static } from 'typebox';
import { ClientError } from '../../spec/errors.js';
import type { ItemKind } from '../../spec/file-types.js';
import type { AuthenticatorAccount } from '../../spec/protocol/resources.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import { restoreFromPage, restorePageOf, type RestorePage } from '../../../simulators/app/restore-page.js';
import type { RestoreApp } from './selection-commands.js';
import type { Backed } from './backed-up-phone.js';
import { expectEqual, sorted, totp, type ServerItem, type World } from '../../kit/device-support.js';

/** The app model on a simulated device, paired, in process: it sees the wire, each item's hash and the 2FA page. */
export function modelApp(
  world: World,
  backed: readonly Backed[],
  items: readonly ServerItem[],
  accounts: readonly Static<typeof AuthenticatorAccount>[],
): RestoreApp {
  const { app, device, wire } = world;
  const byKey = new Map(items.map((i) => [i.sha256, i]));
  let page: RestorePage | undefined;
  const open = () => page!;
  return {
    items: items.map((i) => ({ key: i.sha256, kind: i.meta.kind, name: i.meta.name })),
    backed: backed.map((b) => ({ key: b.sha256, kind: b.kind, name: b.init.name })),
    accounts: {
      forget: async () => {
        for (const a of accounts) app.accounts.remove(a.id);
      },
      tapGroup: async () => open().tap('2fa'),
      async verify(expectAll) {
        const shown = app.accounts.list().map((a) => a.id);
        const expectedIds = expectAll ? accounts.map((a) => a.id) : [];
        expectEqual(['RST-16', 'RST-12'], '2FA accounts on the phone', sorted(shown), sorted(expectedIds));
        const now = device.clock.now();
        for (const code of app.accounts.codes(now)) {
          const secret = accounts.find((a) => a.id === code.id)!.secret;
          expectEqual(['RST-12'], `the code of ${code.label}`, code.code, totp(secret, now));
        }
      },
    },
    async deleteFromPhone(gone) {
      for (const b of gone) device.removeMedia(device.mediaItems().find((m) => hashOf(m) === b.key)!.id);
    },
    async openPage() {
      page = restorePageOf(app, { recent: items, archive: [], deleted: [] }, accounts);
      return page.kinds;
    },
    tapKind: async (kind) => open().tap(kind),
    toggle: async (item) => open().selection.toggle(byKey.get(item.key)!),
    async refusesEmpty() {
      try {
        open().plan();
        return false;
      } catch (error) {
        return error instanceof ClientError && error.code === 'restore-nothing-selected';
      }
    },
    carried: async () => ({
      names: open()
        .plan()
        .items.map((i) => byKey.get(i.sha256)!.meta.name),
    }),
    async restore(interrupt) {
      const downloadsBefore = wire.downloads.length;
      let interrupted = false;
      let held: string | undefined;
      wire.arm({
        afterDownload: (n) => {
          if (!interrupt || n !== interrupt.after) return;
          interrupted = true;
          if (interrupt.by === 'stop') app.stop();
          else device.setNetwork({ wifi: null });
        },
      });
      let job;
      try {
        job = await restoreFromPage(app, open());
        // Interrupted during its last item, a job may finish all the same; otherwise it offers to resume.
        if (interrupted && job.state !== 'completed') {
          held = job.state;
          if (interrupt!.by === 'stop') {
            if (held !== 'stopped') return { interrupted: held, ...counts(job) };
            await job.resume();
          } else device.setNetwork({ wifi: 'home', backupMachineReachable: true });
          await job.idle();
        }
      } finally {
        wire.disarm();
      }
      return {
        ...(held ? { interrupted: held } : {}),
        ...counts(job),
        downloaded: wire.downloads.slice(downloadsBefore),
      };
    },
    async copies() {
      const copies = new Map<string, number>();
      for (const m of device.mediaItems()) copies.set(hashOf(m), (copies.get(hashOf(m)) ?? 0) + 1);
      return copies;
    },
  };
}

const counts = (job: { state: string; restored: Record<ItemKind, number>; skipped: Record<ItemKind, number> }) => ({
  state: job.state,
  restored: { ...job.restored },
  skipped: { ...job.skipped },
});
