/**
 * Runs the conformance suites against one faulty variant and says whether they caught it: the run must fail, and
 * fail at least the requirements the fault catalogue names (a best practice's variant: find them advisory). The shortest failure of those gives the counterexample
 * (a model-based check's shrunk command list) and the command that replays it.
 */
import { FAULTS, type FaultName, type FaultSpec } from '../spec/faults.js';
import { REQUIREMENTS } from '../spec/requirements/index.js';
import type { Failure, Summary } from '../runner/summary-schema.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { Check } from '../kit/check.js';
import { replayCommand } from '../runner/command-lines.js';
import { runConformance } from '../runner/run-conformance.js';
import { ReferenceTarget } from '../targets/reference-target.js';
import type { Target } from '../targets/target.js';
import type { Edition } from '../spec/editions.js';
import { loadProfile } from '../../devices/load-profiles.js';

export interface VariantOptions {
  readonly checks: readonly Check[];
  readonly profiles: readonly DeviceSpec[];
  readonly seed: number;
  readonly runs: number;
  readonly kitVersion: string;
  /** Each variant only through those of `checks` that claim one of its requirements: the quick measure. */
  readonly claimedOnly?: boolean;
}

export interface VariantResult {
  readonly fault: FaultName;
  /** The run failed on every requirement the catalogue expects. */
  readonly caught: boolean;
  /** Every MUST requirement the run failed, and every ADVISORY one it found broken. */
  readonly failed: readonly string[];
  /** Expected requirements the run did not fail. */
  readonly missed: readonly string[];
  /** The shortest failure among the expected requirements' failures. */
  readonly shortest?: { readonly checkId: string; readonly commands?: number; readonly replayCommand: string };
  readonly durationMs: number;
}

const levelOf = (id: string) => REQUIREMENTS.find((r) => r.id === id)?.level;

/** Every MUST requirement a run failed and every ADVISORY one it found broken. */
function findings(summary: Summary): string[] {
  return summary.requirements
    .filter((r) => (r.verdict === 'fail' && r.level === 'MUST') || r.verdict === 'advisory')
    .map((r) => r.id);
}

/** The edition a variant shows on. */
export function editionOf(fault: FaultName): Edition {
  const spec = FAULTS[fault];
  return 'edition' in spec ? spec.edition : 'pro';
}

/** The profile a variant that needs an SD card runs on too, when none of the given profiles has one. */
const SD_CARD_PROFILE = 'samsung-galaxy-a12';

/** The profiles a variant runs on: the given ones, and a phone with an SD card when it needs one. */
export function profilesFor(fault: FaultName, profiles: readonly DeviceSpec[]): readonly DeviceSpec[] {
  const spec: FaultSpec = FAULTS[fault];
  if (!spec.needsSdCard || profiles.some((p) => p.sdCardBytes)) return profiles;
  return [...profiles, loadProfile(SD_CARD_PROFILE)];
}

/** The variant in process: the reference target with the variant on. */
export function runVariant(fault: FaultName, options: VariantOptions): Promise<VariantResult> {
  return runVariantOn(new ReferenceTarget([editionOf(fault)], { faults: [fault] }), fault, options);
}

/** The suites against a target that runs the variant (in process, or a server process of its own). */
export async function runVariantOn(target: Target, fault: FaultName, options: VariantOptions): Promise<VariantResult> {
  const spec = FAULTS[fault];
  const started = Date.now();
  const { summary } = await runConformance({
    target,
    checks: options.claimedOnly ? claimedChecks(options.checks, fault) : withOptIn(options.checks, fault),
    catalogue: REQUIREMENTS,
    profiles: profilesFor(fault, options.profiles),
    seed: options.seed,
    runs: options.runs,
    command: `mbsc selftest --faults ${fault} --seed ${options.seed} --runs ${options.runs}`,
    kitVersion: options.kitVersion,
    // The cell again with the variant on: `mbsc run --editions E --fault F --checks C --profiles P --seed S ...`.
    replayCommand: (check, column, failure) =>
      replayCommand('run', { faults: [fault] }, check, column, failure, options.seed, options.runs),
  });
  const failed = findings(summary);
  const missed = spec.caughtBy.filter((id) => !failed.includes(id));
  const shortest = shortestFailure(summary, spec.caughtBy);
  // A variant of a best practice shows as an advisory finding, which never fails a run; any other must fail it.
  const advisoryOnly = spec.caughtBy.every((id) => levelOf(id) === 'ADVISORY');
  return {
    fault,
    caught: missed.length === 0 && (summary.verdict === 'fail' || advisoryOnly),
    failed,
    missed,
    ...(shortest ? { shortest } : {}),
    durationMs: Date.now() - started,
  };
}

/**
 * An opt-in check (the nemesis) joins a variant's run only where it claims a requirement the variant must fail and
 * the variant shows only across a restart: the other checks catch the rest in a fraction of its time.
 */
function withOptIn(checks: readonly Check[], fault: FaultName): readonly Check[] {
  const claimed = new Set(claimedChecks(checks, fault));
  return checks.filter((c) => c.optIn === undefined || claimed.has(c));
}

/** The checks that claim a requirement the catalogue expects the variant to fail (opt-in ones: see withOptIn). */
export function claimedChecks(checks: readonly Check[], fault: FaultName): Check[] {
  const spec: FaultSpec = FAULTS[fault];
  const expected: readonly string[] = spec.caughtBy;
  return checks.filter(
    (c) => c.requirements.some((id) => expected.includes(id)) && (c.optIn === undefined || spec.needsRestart),
  );
}

/** The checks that claim a requirement of any of these variants, in the order of `checks`. */
export function claimedByAny(checks: readonly Check[], faults: readonly FaultName[]): Check[] {
  const claimed = new Set(faults.flatMap((fault) => claimedChecks(checks, fault)));
  return checks.filter((c) => claimed.has(c));
}

/** Of the failures that name an expected requirement, the one with the fewest commands (a one-shot check: 0). */
function shortestFailure(summary: Summary, expected: readonly string[]): VariantResult['shortest'] {
  let best: { checkId: string; failure: Failure } | undefined;
  const length = (f: Failure) => f.commands?.length ?? 0;
  // A failure that could not tell which of its check's requirements it breaks stands for all of them.
  const covers = (checkId: string) => summary.requirements.filter((r) => r.checks.includes(checkId)).map((r) => r.id);
  for (const check of summary.checks) {
    for (const cell of check.cells) {
      const failure = cell.failure;
      if ((cell.verdict !== 'fail' && cell.verdict !== 'advisory') || !failure) continue;
      if (!(failure.requirements ?? covers(check.checkId)).some((id) => expected.includes(id))) continue;
      if (!best || length(failure) < length(best.failure)) best = { checkId: check.checkId, failure };
    }
  }
  if (!best) return undefined;
  const { commands, replayCommand } = best.failure;
  return { checkId: best.checkId, ...(commands ? { commands: commands.length } : {}), replayCommand };
}
