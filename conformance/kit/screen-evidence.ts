/**
 * What the screen showed when a check through the screens failed: a screenshot and the page source, taken as the
 * failure leaves the app's session (screens-support.ts `withApp`) and kept for the cell, so a report can show the
 * screen a finding was seen on. The sink travels with the async context, as the exchange log does, so the cells that
 * run side by side never take each other's screens. Outside a cell's scope nothing is kept.
 */
import { ScopeSlot } from '../../simulators/mbs-client/scope-slot.js';
import type { AppDriver } from '../../devices/appium-driver/app-driver.js';
import type { FailureScreen } from '../runner/summary-schema.js';

export class ScreenEvidence {
  #last: FailureScreen | undefined;

  /** The screen of the last failing attempt: of a property, the shrunk case, which fails last. */
  get last(): FailureScreen | undefined {
    return this.#last;
  }

  keep(screen: FailureScreen): void {
    this.#last = screen;
  }
}

const scope = new ScopeSlot<ScreenEvidence>();

export function recordingScreens<T>(evidence: ScreenEvidence, body: () => T): T {
  return scope.run(evidence, body);
}

/**
 * Takes the screen as it is now, when a cell is listening. Best effort: a driver that cannot answer (its session
 * already gone) leaves out what it could not give, and the check's own failure stays the one reported.
 */
export async function keepFailingScreen(driver: AppDriver): Promise<void> {
  const evidence = scope.get();
  if (!evidence) return;
  const [screenshot, pageSource] = await Promise.all([
    driver.screenshot().catch(() => undefined),
    driver.pageSource().catch(() => undefined),
  ]);
  if (screenshot === undefined && pageSource === undefined) return;
  evidence.keep({
    ...(screenshot !== undefined ? { screenshot } : {}),
    ...(pageSource !== undefined ? { pageSource } : {}),
  });
}
