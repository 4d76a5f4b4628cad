/**
 * A finished cell from what its check did: it passed, was skipped, found something (a `fail` or `advisory` cell, by
 * the levels of the requirements the finding is charged to: verdicts.ts), or threw what is not a verdict on the
 * target (an `error` cell whose reason says the kit failed or the target could not be reached). A failure's
 * replayCommand is left empty for the runner to fill in.
 */
import type { Requirement } from '../spec/requirements/types.js';
import { didNotRun, type Check, type CheckOutcome, type FailureDetails } from '../kit/check.js';
import type { Cell } from './summary-schema.js';
import { Violation, violationDetails } from '../kit/violation.js';
import { classifyThrown, describeError, type ThrownKind } from './thrown-errors.js';
import { findingVerdict } from './verdicts.js';

/** Where a cell is: its column, edition and device profile. */
export type CellPlace = Pick<Cell, 'column' | 'edition' | 'profile'>;

/** A requirement's level, from the catalogue the run judges by. */
export type LevelOf = (id: string) => Requirement['level'] | undefined;

export function outcomeCell(
  check: Check,
  place: CellPlace,
  outcome: CheckOutcome,
  durationMs: number,
  levelOf: LevelOf,
): Cell {
  if (didNotRun(outcome)) return { ...place, verdict: outcome.verdict, durationMs, runs: 0, reason: outcome.reason };
  const sometimes = {
    ...(outcome.sometimes ? { sometimes: { ...outcome.sometimes } } : {}),
    ...(outcome.notReachable ? { notReachable: { ...outcome.notReachable } } : {}),
  };
  if (outcome.verdict === 'pass') return { ...place, verdict: 'pass', durationMs, runs: outcome.runs, ...sometimes };
  const { failure } = outcome;
  // A check that caught an exception of the kit's own code, an unreachable target or its own setup failing reports
  // it as a failure: judged here like one that escaped the check.
  if (failure.thrown !== undefined && classifyThrown(failure.thrown).kind !== 'verdict')
    return thrownCell(check, place, failure.thrown, durationMs, levelOf);
  const named = declared(check, failure.requirements);
  const unreached = notReached(check, named.requirements, failure.checked);
  return {
    ...place,
    verdict: findingVerdict(named.requirements ?? check.requirements, levelOf),
    durationMs,
    runs: outcome.runs,
    ...sometimes,
    failure: {
      message: failure.message + named.note,
      ...(named.requirements ? { requirements: named.requirements } : {}),
      ...(failure.counterexample ? { counterexample: failure.counterexample } : {}),
      ...(failure.commands ? { commands: [...failure.commands] } : {}),
      ...(failure.seed !== undefined ? { seed: failure.seed } : {}),
      ...(failure.path ? { path: failure.path } : {}),
      ...(failure.screenshot ? { screenshot: failure.screenshot } : {}),
      replayCommand: '',
    },
    ...(unreached.length > 0 ? { unchecked: { requirements: unreached, reason: stoppedAt(named.requirements) } } : {}),
  };
}

/**
 * The requirements of a check that a failing run never reached: neither charged with its finding nor named as
 * checked before it. Not judged, so its cell reads them untested, never passed.
 */
function notReached(check: Check, charged: readonly string[] | undefined, checked: readonly string[] = []): string[] {
  if (!charged) return [];
  return check.requirements.filter((id) => !charged.includes(id) && !checked.includes(id));
}

const stoppedAt = (charged: readonly string[] | undefined) =>
  `the check stopped at its finding on ${(charged ?? []).join(', ')} before it checked this`;

/** Two accounts of what a cell left unchecked as one, each requirement keeping its own reason. */
export function joinUnchecked(a: Cell['unchecked'], b: Cell['unchecked']): Cell['unchecked'] {
  if (!a || !b) return a ?? b;
  const reasonOf = (id: string) => a.reasons?.[id] ?? (a.requirements.includes(id) ? a.reason : undefined);
  const requirements = [...new Set([...a.requirements, ...b.requirements])];
  const reasons = Object.fromEntries(requirements.map((id) => [id, reasonOf(id) ?? b.reasons?.[id] ?? b.reason]));
  const distinct = new Set(Object.values(reasons));
  return { requirements, reason: a.reason, ...(distinct.size > 1 ? { reasons } : {}) };
}

/** A check that threw: a verdict on the target fails its cell as a finding would; anything else is an error. */
export function thrownCell(check: Check, place: CellPlace, error: unknown, durationMs: number, levelOf: LevelOf): Cell {
  const thrown = classifyThrown(error);
  if (thrown.kind === 'verdict') {
    // A Violation that escaped its check (or fast-check's wrapper of one) still names the requirements it breaks.
    const failure = { message: verdictWords(error), ...violationDetails(firstViolation(error)) };
    return outcomeCell(check, place, { verdict: 'fail', runs: 0, failure }, durationMs, levelOf);
  }
  if (thrown.kind === 'setup') return setupCell(check, place, thrown, durationMs, levelOf);
  if (thrown.unreachable) return unreachableCell(place, thrown.reason, durationMs);
  // The kit's own failure keeps its stack and a replay command, for whoever fixes the kit.
  const origin = thrown.judged;
  const stack = origin instanceof Error ? (origin.stack ?? '').split('\n').slice(1, 6).join('\n') : '';
  const failure = { message: stack ? `${thrown.reason}\n${stack}` : thrown.reason, replayCommand: '' };
  return { ...place, verdict: 'error', durationMs, runs: 0, reason: thrown.reason, failure };
}

/**
 * A finding's words as its check stated them, as a check's own catch reports them (checkOnce): a Violation's or a
 * plain Error's message alone; any other error named by its kind or code.
 */
function verdictWords(error: unknown): string {
  if (error instanceof Violation || (error instanceof Error && error.constructor === Error)) return error.message;
  return describeError(error);
}

/**
 * A check whose setup failed tested nothing: an error of the check, unless the setup step itself shows a rule the
 * check covers (its pairing, for a pairing check), which it then fails, and only that rule; the others read untested.
 */
function setupCell(
  check: Check,
  place: CellPlace,
  thrown: Extract<ThrownKind, { kind: 'setup' }>,
  durationMs: number,
  levelOf: LevelOf,
): Cell {
  const shown = thrown.setup.exercises.filter((id) => check.requirements.includes(id));
  if (shown.length > 0) {
    const { what, cause } = thrown.setup;
    const failure = { message: `${what}: ${describeError(cause)}`, requirements: shown };
    const cell = outcomeCell(check, place, { verdict: 'fail', runs: 0, failure }, durationMs, levelOf);
    // The rest of the check never ran: its other requirements were not tested on this cell, let alone passed.
    if (!cell.unchecked) return cell;
    return { ...cell, unchecked: { ...cell.unchecked, reason: `${what} failed before the check tested it` } };
  }
  return {
    ...place,
    verdict: 'error',
    durationMs,
    runs: 0,
    reason: thrown.reason,
    failure: { message: thrown.reason, replayCommand: '' },
  };
}

/** A cell that could not run to a verdict: the target could not be reached. */
export function unreachableCell(place: CellPlace, reason: string, durationMs = 0): Cell {
  return { ...place, verdict: 'error', durationMs, runs: 0, reason };
}

/**
 * A failure may name only requirements its check declares (those are what the report traces to the check); any
 * other id is a slip in the check, kept out of the verdicts and pointed out in the message.
 */
function declared(check: Check, named: FailureDetails['requirements']): { requirements?: string[]; note: string } {
  if (!named) return { note: '' };
  const own = named.filter((id) => check.requirements.includes(id));
  const stray = named.filter((id) => !check.requirements.includes(id));
  const note = stray.length > 0 ? ` (the check also named ${stray.join(', ')}, which it does not declare)` : '';
  return own.length > 0 ? { requirements: own, note } : { note };
}

/** The outermost Violation along an error's causes (fast-check wraps what a property threw). */
function firstViolation(error: unknown): Violation | undefined {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++, current = current.cause) {
    if (current instanceof Violation) return current;
  }
  return undefined;
}
