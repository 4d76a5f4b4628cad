/**
 * Steps per second of the pure rules, with no server and no I/O: run conditions, the backup selection, the free up
 * space plan and the virtual clock. Each loop is bounded by a wall-time budget and an operation cap.
 */
import { eligibleItems, defaultSources } from '../../simulators/app/backup-sources.js';
import { planFreeUpSpace } from '../../simulators/app/free-up-space.js';
import { holdReasons, type ConditionInputs } from '../../simulators/app/run-conditions.js';
import { GB } from '../../simulators/app/settings.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import { mediaItem, type MediaItem } from '../../simulators/device/media.js';
import { makeLibrary, prng } from './library.js';
import { measureRate, type Rate } from './op-rate.js';

export interface ModelStep extends Rate {
  readonly name: string;
  /** What one operation is. */
  readonly unit: string;
  /** Items (or timers) handled per second, when one operation handles many. */
  readonly itemsPerSecond?: number;
}

const HOUR_MS = 3_600_000;

export function runModelSteps(librarySize: number, budgetMs: number, seed: number): ModelStep[] {
  const random = prng(seed);
  // Items made the way SimulatedDevice.addMedia makes them (mediaItem), so their shape is the device's.
  const items = makeLibrary('android', librarySize, seed, 5_000_000).items.map((init, i) => mediaItem(init, `m${i}`));
  const perItem = (step: Omit<ModelStep, 'itemsPerSecond'>, n: number): ModelStep => ({
    ...step,
    itemsPerSecond: step.perSecond * n,
  });
  const steps: ModelStep[] = [];

  const inputs: ConditionInputs[] = Array.from({ length: 1024 }, (_, i) => ({
    batteryLevel: Math.floor(random() * 101),
    charging: (i & 1) === 1,
    onBackupLan: i % 7 !== 0,
  }));
  const settings = [true, false].flatMap((powerSaving) =>
    [true, false].map((backupWhileChargingOnly) => ({ powerSaving, backupWhileChargingOnly })),
  );
  steps.push({
    name: 'holdReasons',
    unit: 'one call (battery, charging, LAN and both settings varied)',
    ...measureRate(
      (i) =>
        holdReasons(i & 1 ? 'backup' : 'restore', inputs[i & 1023] as ConditionInputs, settings[(i >> 10) & 3]!).length,
      budgetMs,
      { batch: 10_000 },
    ),
  });

  const sources = defaultSources('android');
  const eligible = measureRate(() => eligibleItems('android', sources, items).length, budgetMs, { maxOps: 100_000 });
  steps.push(
    perItem(
      { name: 'eligibleItems', unit: `one call over ${items.length.toLocaleString('en-US')} items`, ...eligible },
      items.length,
    ),
  );
  // Control: the same fields as one-shape object literals. A gap to the line above is the cost of the items' shapes.
  const literals = items.map((m) => plainCopy(m));
  const control = measureRate(() => eligibleItems('android', sources, literals).length, budgetMs, { maxOps: 100_000 });
  steps.push(
    perItem(
      { name: 'eligibleItems (control)', unit: `same, over one-shape literal copies of the items`, ...control },
      items.length,
    ),
  );

  const confirmed = new Set(items.filter((_, i) => i % 10 !== 0).map((m) => m.id));
  const totalBytes = items.reduce((n, m) => n + m.size, 0);
  const freeBytes = 2 * GB - Math.floor(totalBytes / 10);
  const plan = measureRate(
    () => planFreeUpSpace(freeBytes, 2, items, (m) => confirmed.has(m.id)).remove.length,
    budgetMs,
    { maxOps: 100_000 },
  );
  steps.push(
    perItem(
      {
        name: 'planFreeUpSpace',
        unit: `one plan over ${items.length.toLocaleString('en-US')} items, ~10% of bytes to free`,
        ...plan,
      },
      items.length,
    ),
  );

  const clock = new VirtualClock();
  let fired = 0;
  const onFire = () => void fired++;
  steps.push({
    name: 'VirtualClock setTimer+advance',
    unit: 'one setTimer then the advance that fires it',
    ...measureRate(
      (i) => {
        const delay = 1 + (i & 1023);
        clock.setTimer(delay, onFire);
        clock.advance(delay);
        return fired;
      },
      budgetMs,
      { batch: 1000 },
    ),
  });
  const burst = 1000;
  const delays = Array.from({ length: burst }, () => Math.floor(random() * HOUR_MS));
  const bursts = measureRate(
    () => {
      for (const delay of delays) clock.setTimer(delay, onFire);
      clock.advance(HOUR_MS);
      return clock.pending;
    },
    budgetMs,
    { maxOps: 100_000 },
  );
  steps.push(
    perItem(
      {
        name: 'VirtualClock burst',
        unit: `a burst of ${burst} timers at random delays within an hour, one advance`,
        ...bursts,
      },
      burst,
    ),
  );
  return steps;
}

function plainCopy(m: MediaItem): MediaItem {
  return {
    id: m.id,
    name: m.name,
    path: m.path,
    kind: m.kind,
    size: m.size,
    contentSeed: m.contentSeed,
    album: m.album,
    capturedAt: m.capturedAt,
    modifiedAt: m.modifiedAt,
    exif: m.exif,
    storage: m.storage,
    origin: m.origin,
  };
}
