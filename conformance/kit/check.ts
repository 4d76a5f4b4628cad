/**
 * A conformance check: which requirements it covers, where it applies, and how it runs. Suites are lists of
 * checks; the runner runs each applicable check on each column of the matrix and turns outcomes into verdicts.
 */
import type { Edition } from '../spec/editions.js';
import type { Area } from '../spec/requirements/types.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { TargetSession } from '../targets/target.js';
import type { ContentSource } from './content-source.js';

/** One column of the traceability matrix: an edition, with a device profile for device checks. */
export interface Column {
  readonly edition: Edition;
  readonly profile?: DeviceSpec;
}

export function columnName(column: Column): string {
  return column.profile ? profileColumnName(column.profile.id, column.edition) : column.edition;
}

/** The name of the column of the profile `profileId` on `edition`, as reports name it. */
export function profileColumnName(profileId: string, edition: string): string {
  return `${profileId} @ ${edition}`;
}

export interface CheckContext {
  readonly checkId: string;
  readonly session: TargetSession;
  readonly column: Column;
  /** The run's seed, for fast-check and every generated value. */
  readonly seed: number;
  /** Names, content seeds and ids drawn from the seed, the check and the column (content-source.ts). */
  readonly content: ContentSource;
  /** How many generated cases or command sequences a property runs. */
  readonly runs: number;
  /** fast-check's replay path, given with --replay, for the check that failed with it. */
  readonly path?: string;
  /** The replay path of a model-based check's command list (the part after `~` in --replay). */
  readonly commandsReplayPath?: string;
  /** Where the replayed case began on a frozen clock, in ms from the property's start (the part after `@`). */
  readonly caseClockMs?: number;
}

/** The column of a device check: it always has the device profile the check runs on. */
export interface DeviceColumn extends Column {
  readonly profile: DeviceSpec;
}

export interface DeviceCheckContext extends CheckContext {
  readonly column: DeviceColumn;
}

/**
 * What a check waiting in real time declares (real-time.ts): the longest wait it runs, for the runner to tell it from
 * the others.
 */
export interface RealTimeWait {
  readonly lifetimeMs: number;
}

export interface FailureDetails {
  readonly message: string;
  /** The requirements the failure breaks, when the check could tell; otherwise all it covers. */
  readonly requirements?: readonly string[];
  /**
   * Requirements the check checked in full before this failure (a finding it reports last). The check's other
   * requirements that the failure does not name were never reached: its cell leaves them unchecked.
   */
  readonly checked?: readonly string[];
  readonly counterexample?: string;
  readonly commands?: readonly string[];
  readonly seed?: number;
  readonly path?: string;
  /** The failing screen, a PNG in base64, when the check looked at one (the desktop console in Chromium). */
  readonly screenshot?: string;
  /**
   * What the check threw, for the runner to judge: a verdict on the target, or an exception of the kit itself (a
   * TypeError in a check's code), which is an error of the kit and never a failure of the target.
   */
  readonly thrown?: unknown;
}

/**
 * How many times a property reached each interesting state it names (kit/sometimes.ts); one at 0 is a finding
 * about the kit, not the target.
 */
export type Reached = Readonly<Record<string, number>>;

/** The states a property names that this target cannot reach, each with why (no server to crash, no crash point). */
export type NotReachable = Readonly<Record<string, string>>;

export type CheckOutcome =
  | {
      readonly verdict: 'pass';
      readonly runs: number;
      readonly sometimes?: Reached;
      readonly notReachable?: NotReachable;
    }
  | {
      readonly verdict: 'fail';
      readonly runs: number;
      readonly failure: FailureDetails;
      readonly sometimes?: Reached;
      readonly notReachable?: NotReachable;
    }
  | { readonly verdict: 'skipped'; readonly reason: string }
  | { readonly verdict: 'untested'; readonly reason: string };

/**
 * Whether a check runs here. `untested` when the rules apply to this server but the target lacks what checking them
 * needs (its clock, its console key, its data directory): the cell then reads `untested`, not `skipped`, so the
 * requirement counts as applicable and not checked on this target.
 */
export type Applicability =
  { readonly applies: true } | { readonly applies: false; readonly reason: string; readonly untested?: boolean };

interface CheckBase {
  /** Stable, kebab-case, unique across suites; it begins with its area's name. */
  readonly id: string;
  readonly title: string;
  readonly area: Area;
  /** Catalogue ids this check gives evidence for. */
  readonly requirements: readonly string[];
  readonly tags?: readonly string[];
  /**
   * Set on a check left out of a run unless asked for by its id (`--checks`) or one of its tags (`--tags`), saying
   * why: one that would cost the default run more than it should (the nemesis restarts server processes).
   */
  readonly optIn?: string;
  /**
   * Set when the check moves the server's clock or changes what every client shares (the password lock, the 2FA
   * settings), or reads what every client changes at once (the console's list of every device with its backups):
   * the runner then runs it alone, never beside another check on the same server.
   */
  readonly exclusive?: boolean;
  applies?(column: Column, session: TargetSession): Applicability;
  /**
   * Requirements of `requirements` the check checks in full only when the target offers its clock. Without it the
   * check still runs every rule that needs none, and a failure charged to these still fails them, but its pass is no
   * pass of them: they read `untested`, with the reason (conformance/runner/run-cell.ts).
   */
  readonly requirementsWithout?: {
    readonly clock?: readonly string[];
    /** Why they need the clock, when the generic reason says too little (a lifetime too long to wait out). */
    readonly reason?: string;
  };
  /**
   * Set on a check that waits a lifetime out in real time: it runs only under `--real-time` on a target without the
   * clock, and the runner starts every such check together, after all others (conformance/runner/real-time-cells.ts).
   */
  readonly realTime?: RealTimeWait;
}

/** Runs once per edition. */
export interface ServerCheck extends CheckBase {
  readonly scope: 'server';
  run(context: CheckContext): Promise<CheckOutcome>;
}

/** Runs once per device profile on each edition, and only on a column that has one. */
export interface DeviceCheck extends CheckBase {
  readonly scope: 'device';
  run(context: DeviceCheckContext): Promise<CheckOutcome>;
}

export type Check = ServerCheck | DeviceCheck;

/**
 * Thrown inside a check's body when its rules turn out, only once the check runs, not to apply to this target: the
 * check is skipped with this reason, as when its `applies` says so (conformance/kit/applies.ts).
 */
export class NotApplicable extends Error {}

/**
 * Thrown inside a check's body when its rules apply to this target but the target or this machine lacks, as the
 * check finds only once it runs, what checking them needs (the clock, an outbox, a browser, a wait longer than a
 * real-time run, a throttle earlier failures left): the cell reads `untested` with this reason, never `skipped`, so
 * the requirement still counts as applicable and unchecked here.
 */
export class Untestable extends NotApplicable {}

type NotRun = Extract<CheckOutcome, { readonly verdict: 'skipped' | 'untested' }>;

/** Whether an outcome says the check did not run here (skipped or untested), with the reason. */
export function didNotRun(outcome: CheckOutcome): outcome is NotRun {
  return outcome.verdict === 'skipped' || outcome.verdict === 'untested';
}

/** The outcome of a check that stopped on NotApplicable: skipped, or untested when only the checking lacked. */
export function notRunOutcome(error: NotApplicable): CheckOutcome {
  return error instanceof Untestable
    ? { verdict: 'untested', reason: error.message }
    : { verdict: 'skipped', reason: error.message };
}

/** Runs a check on its context: a device check only where the column has a device profile. */
export async function runCheck(check: Check, context: CheckContext): Promise<CheckOutcome> {
  try {
    if (check.scope === 'server') return await check.run(context);
    const { profile } = context.column;
    if (!profile) return { verdict: 'skipped', reason: 'device checks need a device profile' };
    return await check.run({ ...context, column: { ...context.column, profile } });
  } catch (error) {
    if (error instanceof NotApplicable) return notRunOutcome(error);
    throw error;
  }
}

export const APPLIES: Applicability = { applies: true };

export function skipUnless(condition: boolean, reason: string): Applicability {
  return condition ? APPLIES : { applies: false, reason };
}

/** Applies, but checks only when the condition holds (what the target was given): else untested, with the reason. */
export function untestedUnless(condition: boolean, reason: string): Applicability {
  return condition ? APPLIES : { applies: false, reason, untested: true };
}
