/**
 * "Sometimes" coverage: the interesting states a property names and must reach in some of its cases (a resume from
 * a non-zero offset, a crash with a job open). A run that never reaches one leaves the rules about it unjudged: a
 * finding about the kit, shown as a warning beside the verdict, never a failure of the target.
 */
import type fc from 'fast-check';
import { didNotRun, type CheckOutcome } from './check.js';

export class Sometimes<Name extends string = string> {
  private readonly counts: Map<Name, number>;
  /** The states it names and can reach on this target. */
  readonly names: readonly Name[];

  /**
   * `named`: every state the property names; `lacks`: why one cannot be reached on this target (no server to crash,
   * no crash point), said in the reports instead of a count, never left out silently.
   */
  constructor(
    named: readonly Name[],
    private readonly lacks: Readonly<Partial<Record<Name, string>>> = {} as Partial<Record<Name, string>>,
  ) {
    this.names = named.filter((name) => lacks[name] === undefined);
    this.counts = new Map(this.names.map((name) => [name, 0]));
  }

  reach(name: Name): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** How many times each named state was reached, in the order named. */
  reached(): Record<string, number> {
    return Object.fromEntries(this.names.map((name) => [name, this.counts.get(name) ?? 0]));
  }

  /** The states not reachable on this target, each with why. */
  notReachable(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.lacks).filter(([, why]) => why !== undefined)) as Record<
      string,
      string
    >;
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

/** A check's outcome with how often each named state was reached; one that did not run reached nothing worth saying. */
export function withReached(outcome: CheckOutcome, sometimes: Sometimes): CheckOutcome {
  if (didNotRun(outcome)) return outcome;
  const lacking = sometimes.notReachable();
  const notReachable = Object.keys(lacking).length > 0 ? { notReachable: lacking } : {};
  return { ...outcome, sometimes: sometimes.reached(), ...notReachable };
}
