/**
 * Carrying out free up space (seed 000 §6.4.5) on the phone: the plan comes from free-up-space.ts; here iOS asks
 * the user's consent, the items leave the device, and the server is told to move them to its Archive tab.
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { SimulatedDevice } from '../device/simulated-device.js';
import type { Platform } from '../device/device-spec.js';
import { hashOf } from './content-registry.js';
import { planFreeUpSpace } from './free-up-space.js';
import type { FreeUpOutcome } from './free-up-space-texts.js';
import type { MobileApp } from './mobile-app.js';
import type { AppSettings } from './settings.js';
import type { MediaItem } from '../device/media.js';

/** What free up space reads and acts on in the app. */
export type FreeUpSpaceHost = Pick<MobileApp, 'device' | 'settings' | 'rules' | 'log' | 'isConfirmed' | 'client'>;

/** iOS asks the user before its app deletes photos; Android does not. */
export function asksConsentToFree(platform: Platform): boolean {
  return platform === 'ios';
}

/** The server is told of every item free up space removed, so that its Archive tab lists them. */
export function archivedOnServer(removed: readonly MediaItem[]): readonly MediaItem[] {
  return removed;
}

/**
 * Whether the app empties Recently Deleted once it freed up space: never. On iOS what it removed stays there up to
 * 40 days, using storage, and the user may still take it back (FUS-12); free up space counts it as freed meanwhile.
 */
export function emptiesRecentlyDeleted(_platform: Platform): boolean {
  return false;
}

/** Free up space runs only with its switch on. */
export function freesUpSpace(settings: Pick<AppSettings, 'freeUpSpace'>): boolean {
  return settings.freeUpSpace;
}

/** Answers how many items left the phone: none when free up space is off, nothing is due, or iOS was refused. */
export async function freeUpSpaceOnDevice(app: FreeUpSpaceHost): Promise<number> {
  if (!app.rules.freesUpSpace(app.settings)) return 0;
  const plan = planFreeUpSpace(
    freeBytesForFreeUp(app.device),
    app.settings.freeUpSpaceLimitGb,
    app.device.mediaItems(),
    (i) => app.isConfirmed(i),
    app.rules,
  );
  if (plan.remove.length === 0) return 0;
  if (app.rules.asksConsentToFree(app.device.platform) && !app.device.askDeleteConsent(plan.remove.length)) {
    log(app, { refused: plan.remove.length });
    return 0;
  }
  for (const item of plan.remove) app.device.removeMedia(item.id);
  if (app.rules.emptiesRecentlyDeleted(app.device.platform)) app.device.clearRecentlyDeleted();
  const told = app.rules.archivedOnServer(plan.remove);
  try {
    if (told.length > 0) await app.client().call('archiveItems', { body: { items: told.map(hashOf) } });
    log(app, { removed: plan.remove.length, bytes: plan.bytes });
  } catch (error) {
    // The items are already gone: a server's error answer is only logged; other failures reach the caller too.
    log(app, { failed: (error as Error).message });
    if (!(error instanceof MbsError)) throw error;
  }
  return plan.remove.length;
}

/** The App Log entry of an outcome, as the app's rule words it (LOG-06). */
function log(app: FreeUpSpaceHost, outcome: FreeUpOutcome): void {
  const { category, level, message } = app.rules.freeUpLogEntry(outcome);
  app.log.add(category, level, message);
}

/** Free space as free up space reckons it: on iOS, Recently Deleted counts as freed (the user is to empty it). */
function freeBytesForFreeUp(device: SimulatedDevice): number {
  const pending = device.platform === 'ios' ? device.recentlyDeleted().reduce((n, d) => n + d.item.size, 0) : 0;
  return device.freeBytes() + pending;
}
