/** The commands of the free up space model (model.ts): what each does to the app and to the model. */
import type { ItemKind } from '../../spec/file-types.js';
import type { FreeUpSpaceLimitGb } from '../../../simulators/app/settings.js';
import type { MediaOrigin, StorageArea } from '../../../simulators/device/media.js';
import { BASE_DATE, DAY, expectEqual } from '../../kit/device-support.js';
import { advance, backUp, GB, oldestRemovableAfterBackup, reckonedFree, type FusModel } from './model.js';
import type { FreeUpSpaceApp } from './port.js';
import { step, type FusStep } from './after-each-step.js';

/**
 * Free space relative to the current limit (or to another limit, to catch a wrong one), or short of it by exactly
 * the bytes of the oldest items free up space could remove (so that removing them lands on the limit), then maybe a
 * backup.
 */
export type FreeSetting =
  | { readonly limit?: FreeUpSpaceLimitGb; readonly delta: number; readonly thenBackup: boolean }
  | { readonly shortByOldest: 1 | 2; readonly thenBackup: boolean };

export function setFree(setting: FreeSetting): FusStep {
  const then = setting.thenBackup ? ', then tap Backup' : '';
  return step(
    `free space = ${freeLabel(setting)}${then}`,
    () => true,
    async (m, app) => {
      const free = freeBytes(m, setting);
      await app.setFreeBytes(free);
      m.free = free;
      if (setting.thenBackup) await backUpNow(m, app);
    },
  );
}

function freeLabel(setting: FreeSetting): string {
  if ('shortByOldest' in setting) return `the limit - the bytes of the oldest ${setting.shortByOldest} removable`;
  const base = setting.limit ? `${setting.limit} GB` : 'the limit';
  const delta = setting.delta === 0 ? '' : setting.delta > 0 ? ` + ${setting.delta} B` : ` - ${-setting.delta} B`;
  return `${base}${delta}`;
}

/** The free bytes a setting asks for; short of the limit as free up space reckons it (on iOS, Recently Deleted too). */
function freeBytes(m: FusModel, setting: FreeSetting): number {
  if (!('shortByOldest' in setting)) return (setting.limit ?? m.limitGb) * GB + setting.delta;
  const short = oldestRemovableAfterBackup(m, setting.shortByOldest).reduce((n, i) => n + i.size, 0);
  return m.limitGb * GB - short - (reckonedFree(m) - m.free);
}

export function toggle(on: boolean): FusStep {
  return step(
    `free up space ${on ? 'on' : 'off'}`,
    () => true,
    async (m, app) => {
      await app.setFreeUpSpace(on);
      m.on = on;
    },
  );
}

export const LIMITS = [2, 4, 6, 8, 10];

export function chooseLimit(gb: number): FusStep {
  return step(
    `choose a limit of ${gb} GB`,
    () => true,
    async (m, app) => {
      const refused = await app.chooseLimit(gb);
      expectEqual(['FUS-02'], `whether ${gb} GB is refused`, refused, !LIMITS.includes(gb));
      if (!refused) m.limitGb = gb;
    },
  );
}

export interface NewItem {
  readonly kind: ItemKind;
  readonly size: number;
  readonly ageDays: number;
  /** A photo a backup never takes (iTunes-synced on iOS, iOS HEIF on Android), or one on the SD card. */
  readonly variant: 'plain' | 'not-backed-up' | 'sd-card';
}

export function addItem(spec: NewItem): FusStep {
  const what =
    spec.variant === 'plain'
      ? spec.kind
      : spec.variant === 'sd-card'
        ? `${spec.kind} on the SD card`
        : `${spec.kind} no backup takes`;
  return step(
    `add a ${what} of ${spec.size} B taken ${spec.ageDays} days before 2021-04-19`,
    (m) => spec.variant !== 'sd-card' || (m.platform === 'android' && m.sdCard),
    async (m, app) => {
      const n = ++m.added;
      const heif = spec.variant === 'not-backed-up' && m.platform === 'android';
      const origin: MediaOrigin =
        spec.variant !== 'not-backed-up' ? 'device' : m.platform === 'ios' ? 'itunes-sync' : 'ios-import';
      const storage: StorageArea = spec.variant === 'sd-card' ? 'sd' : 'internal';
      const kind = heif ? 'photo' : spec.kind;
      // Distinct capture times: oldest first is then one order.
      const capturedAt = BASE_DATE - spec.ageDays * DAY - n;
      const added = await app.addMedia({ serial: n, kind, heif, size: spec.size, capturedAt, origin, storage });
      const eligible =
        spec.variant !== 'not-backed-up' &&
        (kind !== 'document' || (m.platform === 'android' && storage === 'internal'));
      const entry = { ...added, kind, size: spec.size, capturedAt, storage, eligible };
      m.items.push(entry);
      m.known.set(entry.id, entry);
      if (storage === 'internal') m.free -= spec.size;
    },
  );
}

export const backup = step('tap Backup', () => true, backUpNow);

async function backUpNow(m: FusModel, app: FreeUpSpaceApp): Promise<void> {
  const job = await app.backUp();
  expectEqual(['FUS-09'], 'the backup job', job.state, 'completed');
  backUp(m);
  if (m.platform !== 'android' || !app.platformRules) return;
  expectEqual(['FUS-14'], 'items the job says it archived', job.archived, m.lastArchived);
  const line = job.resultLine;
  const said = /; (\d+) archived or free up images and videos$/.exec(line)?.[1];
  expectEqual(['FUS-14'], `the archived count in "${line}"`, said, m.on ? String(m.lastArchived) : undefined);
}

export function answer(consent: 'allow' | 'deny'): FusStep {
  return step(
    `answer ${consent} to the deletion prompt`,
    (m) => m.platform === 'ios',
    async (m, app) => {
      await app.setDeleteConsent!(consent);
      m.consent = consent;
    },
  );
}

export function wait(ms: number): FusStep {
  const days = ms / DAY;
  return step(
    `${Number.isInteger(days) ? `${days} days` : `${ms} ms`} pass`,
    () => true,
    async (m, app) => {
      await app.advanceClock(ms);
      advance(m, ms);
    },
  );
}

export const restoreOldestArchived = step(
  'restore the oldest item of the Archive tab',
  (m) => m.archived.size > 0,
  async (m, app) => {
    const back = await app.restoreOldestArchived(m);
    if (!back) return;
    expectEqual(['FUS-13'], `items restored from the Archive tab`, back.restored, {
      photo: back.kind === 'photo' ? 1 : 0,
      video: back.kind === 'video' ? 1 : 0,
      document: 0,
    });
    const was = m.removed.get(back.content)!;
    // Android keeps the capture date; iOS adds the photo anew, dated now.
    const capturedAt = m.platform === 'android' ? was.capturedAt : m.now;
    const entry = { ...was, id: back.id, name: back.name, capturedAt };
    m.items.push(entry);
    m.known.set(entry.id, entry);
    m.free -= was.size;
    // Each restore at its own moment, so that no two items share a capture time.
    await app.advanceClock(1);
    advance(m, 1);
  },
);
