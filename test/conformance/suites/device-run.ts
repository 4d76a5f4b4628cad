/** Runs device checks through the runner against the reference server (Pro) on one Android and one iOS profile. */
import type { Check } from '../../../conformance/framework/check.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import type { AppFault } from '../../../conformance/spec/faults.js';
import { referenceApp, type AppUnderTest } from '../../../conformance/targets/app-under-test.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import type { Summary } from '../../../reports/summary-schema.js';

/** An Android phone with an SD card and an iPhone without Face ID, both in the default matrix. */
export const ANDROID = 'samsung-galaxy-a12';
export const IOS = 'iphone-6s';

export async function runDeviceChecks(
  checks: readonly Check[],
  options: { runs?: number; seed?: number; profiles?: readonly string[]; app?: AppUnderTest } = {},
): Promise<Summary> {
  const seed = options.seed ?? 42;
  const { summary } = await runConformance({
    target: new ReferenceTarget(['pro'], options.app ? { app: options.app } : {}),
    checks,
    catalogue: REQUIREMENTS,
    profiles: (options.profiles ?? [ANDROID, IOS]).map((id) => loadProfile(id)),
    seed,
    runs: options.runs ?? 15,
    command: 'test',
    kitVersion: 'test',
    replayCommand: (check) => `mbsc run --requirements ${check.requirements.join(',')} --seed ${seed}`,
  });
  return summary;
}

/** `check id → [[column, verdict, failure message or skip reason]]`. */
export function cellTable(summary: Summary): Record<string, [string, string, string | undefined][]> {
  return Object.fromEntries(
    summary.checks.map((c) => [
      c.checkId,
      c.cells.map((cell): [string, string, string | undefined] => [
        cell.column,
        cell.verdict,
        cell.failure ? `${cell.failure.message}\n${(cell.failure.commands ?? []).join('\n')}` : cell.reason,
      ]),
    ]),
  );
}

/** The verdict of each requirement id. */
export function verdicts(summary: Summary, ids: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(ids.map((id) => [id, summary.requirements.find((r) => r.id === id)?.verdict]));
}

export const passOn = (...profiles: string[]) => profiles.map((p) => [`${p} @ pro`, 'pass', undefined]);
export const skipOn = (profile: string, reason: string) => [`${profile} @ pro`, 'skipped', reason];

/** The app model driven through its screens in process, standing in for the app over WebDriver (`--via appium`). */
const throughScreens = (faults: readonly AppFault[] = []): AppUnderTest => ({
  ...referenceApp(faults),
  via: 'webdriver',
});

/** One check through the screens on an Android and an iOS phone (seed 5, 20 runs): its cells and verdicts. */
export async function runThroughScreens(check: Check, faults: readonly AppFault[]) {
  const summary = await runDeviceChecks([check], {
    runs: 20,
    seed: 5,
    profiles: ['redmi-note-8', 'iphone-12-mini'],
    app: throughScreens(faults),
  });
  const verdictOf = (id: string) => summary.requirements.find((r) => r.id === id)?.verdict;
  return { cells: summary.checks[0]!.cells, verdictOf, verdict: summary.verdict };
}
