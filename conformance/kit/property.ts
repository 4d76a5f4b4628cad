/**
 * Runs a fast-check property as a check: with the run's seed and number of runs (and a replay path when given),
 * each case drawing its content as that case (content-source.ts) and keeping its exchanges if it fails
 * (case-exchanges.ts); turns a failure into its shrunk counterexample, its command list for model-based checks, seed
 * and path. A case that finds the target lacking (NotApplicable) before any case failed skips the check with its
 * reason, or leaves it untested when only the checking lacked (Untestable; not-applicable-cases.ts), as does a
 * one-shot check that throws one.
 */
import fc from 'fast-check';
import { CaseClock } from './case-clock.js';
import { withCaseExchanges } from './case-exchanges.js';
import { NotApplicable, notRunOutcome, type CheckContext, type CheckOutcome } from './check.js';
import { withCaseContent } from './content-source.js';
import { withLackingCases } from './not-applicable-cases.js';
import { violationDetails } from './violation.js';

export async function checkProperty<T>(
  property: fc.IAsyncPropertyWithHooks<T>,
  context: CheckContext,
  runs = context.runs,
): Promise<CheckOutcome> {
  const clock = new CaseClock(context.session.clock, context.caseClockMs);
  const content = withCaseContent(property, context.content, (path) => clock.startCase(path));
  const cases = withLackingCases(withCaseExchanges(content));
  const details = await fc
    .check(cases.property, {
      seed: context.seed,
      numRuns: runs,
      ...(context.path ? { path: context.path, endOnFailure: true } : {}),
    })
    .finally(() => clock.restore());
  if (!details.failed) return { verdict: 'pass', runs: details.numRuns };
  const lack = cases.lack();
  if (lack) return notRunOutcome(lack);
  const counterexample = (details.counterexample ?? []) as unknown as unknown[];
  const first = counterexample[0] as unknown;
  const commands = isCommandList(first) ? ranCommands(first) : undefined;
  const error = details.errorInstance;
  // A command list needs its own replay path besides fast-check's; both travel in one --replay value.
  const commandsPath = /replayPath="([^"]+)"/.exec(fc.stringify(counterexample))?.[1];
  const caseClockMs = clock.startOf(details.counterexamplePath ?? undefined);
  const path = details.counterexamplePath
    ? `${details.counterexamplePath}${commandsPath ? `~${commandsPath}` : ''}${caseClockMs ? `@${caseClockMs}` : ''}`
    : undefined;
  return {
    verdict: 'fail',
    runs: details.numRuns,
    failure: {
      message: error instanceof Error ? error.message : String(error ?? 'property failed'),
      ...violationDetails(error),
      counterexample: fc.stringify(counterexample),
      ...(commands ? { commands } : {}),
      seed: details.seed,
      ...(path ? { path } : {}),
      thrown: error,
    },
  };
}

/**
 * The commands of a list that ran, as fast-check prints its counterexample: a list is generated longer than the run
 * that failed it, and the commands after the failing one never ran (they are no part of the counterexample).
 */
function ranCommands(list: Iterable<unknown>): string[] {
  return [...list].filter((c) => (c as { hasRan?: unknown }).hasRan !== false).map((c) => String(c));
}

/** fast-check's generated command lists are iterables of commands with a toString(). */
function isCommandList(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Symbol.iterator in value &&
    'toString' in value &&
    !Array.isArray(value)
  );
}

/** Options for `fc.commands` that replay a failing command list when --replay carries its path. */
export function commandsOptions(
  context: CheckContext,
  maxCommands: number,
): { maxCommands: number; replayPath?: string } {
  return { maxCommands, ...(context.commandsReplayPath ? { replayPath: context.commandsReplayPath } : {}) };
}

/** A plain async check that throws on failure, as a check outcome. */
export async function checkOnce(run: () => Promise<void>): Promise<CheckOutcome> {
  try {
    await run();
    return { verdict: 'pass', runs: 1 };
  } catch (error) {
    if (error instanceof NotApplicable) return notRunOutcome(error);
    return {
      verdict: 'fail',
      runs: 1,
      failure: {
        message: error instanceof Error ? error.message : String(error),
        ...violationDetails(error),
        thrown: error,
      },
    };
  }
}
