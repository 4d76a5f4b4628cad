/**
 * Generated content derives from the run's seed, the check and the column: a device check run twice on one seed
 * makes the same devices and items byte for byte, another seed makes others, and a replay of a failing case (its
 * fast-check path) draws what that case drew in the run, after all the cases and shrinks before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Check, CheckContext, DeviceCheck, DeviceCheckContext } from '../../../conformance/kit/check.js';
import { contentSource } from '../../../conformance/kit/content-source.js';
import { addMedia, newWorld } from '../../../conformance/kit/device-support.js';
import { checkProperty } from '../../../conformance/kit/property.js';
import { backupChecks } from '../../../conformance/suites/backup/model-in-process.js';
import { referenceApp } from '../../../conformance/targets/app-under-test.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import { sha256Of } from '../../../simulators/device/media.js';
import type { SimulatedDevice } from '../../../simulators/device/simulated-device.js';
import { ANDROID, runDeviceChecks } from '../suites/fixtures/device-run.js';

/** Writes down every item put on a device the check installs the app on: device name, item name, SHA-256. */
function recorded(check: Check, seen: string[]): DeviceCheck {
  if (check.scope !== 'device') throw new Error(`${check.id} is not a device check`);
  const deviceCheck: DeviceCheck = check;
  const watch = (device: SimulatedDevice) => {
    const add = device.addMedia.bind(device);
    device.addMedia = (init) => {
      const item = add(init);
      seen.push(`${device.spec.name} ${item.name} ${sha256Of(item)}`);
      return item;
    };
  };
  return {
    ...check,
    run(context: DeviceCheckContext) {
      const { app } = context.session;
      // The session's own prototype keeps what the check may read from it (its clock, its console).
      const session: TargetSession = Object.assign(Object.create(context.session) as TargetSession, {
        app: {
          ...app,
          install: (device: SimulatedDevice, options = {}) => (watch(device), app.install(device, options)),
        },
      });
      return deviceCheck.run({ ...context, session });
    },
  };
}

async function itemsOf(seed: number): Promise<string[]> {
  const seen: string[] = [];
  const summary = await runDeviceChecks([recorded(backupChecks[0]!, seen)], { seed, runs: 3, profiles: [ANDROID] });
  expect(summary.checks[0]!.cells.map((c) => c.verdict)).toEqual(['pass']);
  return seen;
}

describe('content drawn from the seed', () => {
  it('draws the same on the same seed, check and column, and else something else', () => {
    const draws = (seed: number, check: string, column: string) => {
      const source = contentSource(seed, check, column);
      return [source.tag(), source.contentSeed(), source.id(), source.count()];
    };
    expect(draws(7, 'a', 'x')).toEqual(draws(7, 'a', 'x'));
    for (const other of [draws(8, 'a', 'x'), draws(7, 'b', 'x'), draws(7, 'a', 'y')]) {
      expect(other.slice(0, 3)).not.toEqual(draws(7, 'a', 'x').slice(0, 3));
    }
  });

  it('makes the same devices and items when a device check runs twice on one seed, others on another', async () => {
    const first = await itemsOf(42);
    expect(first.length).toBeGreaterThan(3);
    expect(await itemsOf(42)).toEqual(first);
    const other = await itemsOf(43);
    expect(other.filter((line) => first.includes(line))).toEqual([]);
  });

  it('draws for a replayed case what the case drew in the run', async () => {
    const profile = loadProfile(ANDROID);
    const session = { host: '127.0.0.1', app: referenceApp() } as unknown as TargetSession;
    const context = (path?: string): CheckContext => ({
      checkId: 'content-replay',
      session,
      column: { edition: 'pro', profile },
      seed: 9,
      runs: 50,
      content: contentSource(9, 'content-replay', 'test'),
      ...(path ? { path } : {}),
    });
    // Fails from size 400 up, so fast-check shrinks through many cases; each puts a photo of that size on a phone.
    const failing = (on: CheckContext, into: string[]) =>
      fc.asyncProperty(fc.integer({ min: 1, max: 5000 }), async (size) => {
        const world = await newWorld(on, { pair: false });
        const photo = addMedia(world, { name: `IMG_${size}.jpg`, size });
        if (size >= 400) into.push(`${world.device.spec.name} ${sha256Of(photo)}`);
        return size < 400;
      });
    const run: string[] = [];
    const first = context();
    const outcome = await checkProperty(failing(first, run), first);
    expect(outcome.verdict).toBe('fail');
    const path = outcome.verdict === 'fail' ? outcome.failure.path : undefined;
    expect(path).toMatch(/^\d+(:\d+)+$/);
    const replay: string[] = [];
    const again = context(path);
    await checkProperty(failing(again, replay), again);
    // The last case that failed in the run is the shrunk counterexample the path names.
    expect(replay).toEqual([run.at(-1)]);
    expect(new Set(run).size).toBe(run.length);
  });
});
