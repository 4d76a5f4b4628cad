/**
 * One run of the restore run-conditions property (restore-held.ts) and what it checks. It acts on a port,
 * `RestoreConditionsApp`, with two adapters: the app model on a simulated device in process
 * (restore-held.ts) and the app through its screens and `mobile:` methods (restore-held-screens.ts),
 * so one property checks both.
 */
import fc from 'fast-check';
import type { CheckContext, CheckOutcome } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import { Violation } from '../../kit/violation.js';
import { expectEqual } from '../../kit/device-support.js';

export interface Conditions {
  readonly battery: number;
  readonly charging: boolean;
  readonly lan: boolean;
  readonly powerSaving: boolean;
  readonly chargingOnly: boolean;
}

/** Half the battery levels sit on the 30% boundary, where a wrong comparison shows. */
const conditions: fc.Arbitrary<Conditions> = fc.record({
  battery: fc.oneof(fc.constantFrom(29, 30, 31), fc.integer({ min: 0, max: 100 })),
  charging: fc.boolean(),
  lan: fc.boolean(),
  powerSaving: fc.boolean(),
  chargingOnly: fc.boolean(),
});

/** Nothing holds a restore here. */
export const GOOD: Conditions = { battery: 80, charging: true, lan: true, powerSaving: true, chargingOnly: false };

/** The seed's rules for restore, written out here: the check must not ask the app which rules it follows. */
function expectedHolds(c: Conditions): string[] {
  const holds: string[] = [];
  if (!c.lan) holds.push('not-on-backup-lan');
  if (c.powerSaving && c.battery < 30) holds.push('battery-low');
  return holds;
}

const RULES_OF_REASON: Record<string, readonly string[]> = {
  'not-on-backup-lan': ['RUN-01'],
  'battery-low': ['RUN-05'],
  'not-charging': ['RUN-14'],
};

function brokenBy(actual: readonly string[], expected: readonly string[]): string[] {
  const differing = [...actual.filter((r) => !expected.includes(r)), ...expected.filter((r) => !actual.includes(r))];
  return [...new Set(differing.flatMap((r) => RULES_OF_REASON[r] ?? ['RUN-05', 'RUN-14']))];
}

/** A restore job as the adapter sees it once the app is idle. */
export interface RestoreSeen {
  readonly state: string;
  readonly holdReasons: readonly string[];
}

export interface RestoreConditionsApp {
  /** Takes the backed-up photo off the phone and sets `c`, ready to restore the photo. */
  prepare(c: Conditions): Promise<void>;
  /** Why the app would hold a restore now. */
  holds(): Promise<readonly string[]>;
  /** Restores the photo and waits until the app is idle. */
  restore(): Promise<RestoreSeen>;
  /** Sets `GOOD` and waits until the app is idle: the restore job's state then. */
  clear(): Promise<string>;
}

async function restoreIn(app: RestoreConditionsApp, c: Conditions): Promise<void> {
  await app.prepare(c);
  const expected = expectedHolds(c);
  const holds = await app.holds();
  if (JSON.stringify(holds) !== JSON.stringify(expected)) {
    throw new Violation(brokenBy(holds, expected), `restore holds for [${holds}], the rules say [${expected}]`);
  }
  const job = await app.restore();
  const state = expected.length > 0 ? 'held' : 'completed';
  if (job.state !== state) {
    const why = expected.length > 0 ? brokenBy([], expected) : brokenBy(job.holdReasons, []);
    throw new Violation(why, `the restore is ${job.state} in [${JSON.stringify(c)}]; the rules say ${state}`);
  }
  // Conditions clear: a held restore goes on by itself and finishes.
  expectEqual(['RUN-05', 'RUN-01'], 'the restore once conditions clear', await app.clear(), 'completed');
}

/** The property: a restore of the backed-up photo under random conditions, on one app for every run. */
export const checkRestoreConditions = (app: RestoreConditionsApp, context: CheckContext): Promise<CheckOutcome> =>
  checkProperty(
    fc.asyncProperty(conditions, (c) => restoreIn(app, c)),
    context,
  );
