/**
 * "Sometimes" coverage: the interesting states a property names and must reach in some of its cases (a resume from
 * a non-zero offset, a crash with a job open). A run that never reaches one leaves the rules about it unjudged: a
 * finding about the kit, shown as a warning beside the verdict, never a failure of the target.
 */
import type fc from 'fast-check';
import type { CheckOutcome } from './check.js';

export class Sometimes<Name extends string = string> {
  private readonly counts: Map<Name, number>;

  constructor(readonly names: readonly Name[]) {
    this.counts = new Map(names.map((name) => [name, 0]));
  }

  reach(name: Name): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** How many times each named state was reached, in the order named. */
  reached(): Record<string, number> {
    return Object.fromEntries(this.names.map((name) => [name, this.counts.get(name) ?? 0]));
  }
}

/** The named states a result never reached. */
export function neverReached(reached: Readonly<Record<string, number>> | undefined): string[] {
  return Object.entries(reached ?? {})
    .filter(([, count]) => count === 0)
    .map(([name]) => name);
}

/**
 * Model-based commands that, after each one ran, reach every named state the model is then in: the states a
 * property names as predicates over its model, checked where the model changes.
 */
export function reachingAfter<M extends object, R, Name extends string>(
  commands: readonly fc.Arbitrary<fc.AsyncCommand<M, R>>[],
  sometimes: Sometimes<Name>,
  states: Readonly<Record<Name, (model: M) => boolean>>,
): fc.Arbitrary<fc.AsyncCommand<M, R>>[] {
  const reach = (model: M) => {
    for (const name of sometimes.names) if (states[name](model)) sometimes.reach(name);
  };
  return commands.map((arbitrary) =>
    arbitrary.map((command) => ({
      check: (model: Readonly<M>) => command.check(model),
      async run(model: M, real: R) {
        await command.run(model, real);
        reach(model);
      },
      toString: () => command.toString(),
    })),
  );
}

/** A check's outcome with how often each named state was reached; a skipped check reached nothing worth saying. */
export function withReached(outcome: CheckOutcome, sometimes: Sometimes): CheckOutcome {
  return outcome.verdict === 'skipped' ? outcome : { ...outcome, sometimes: sometimes.reached() };
}
