/**
 * A property whose run stops at the first case that finds the target lacking: when a case throws NotApplicable
 * before any case failed, every later case (fast-check's shrinks included) answers that same failure at once, without
 * running, and the check reads skipped (untested for an Untestable) with its reason (checkProperty). A NotApplicable thrown only while shrinking a
 * real failure leaves that failure as it is: the target broke a rule before it was found lacking.
 */
import fc from 'fast-check';
import { NotApplicable } from './check.js';

export interface LackingCases<T> {
  readonly property: fc.IRawProperty<T, true>;
  /** The NotApplicable of the run's first failing case, if it was one. */
  lack(): NotApplicable | undefined;
}

export function withLackingCases<T>(property: fc.IRawProperty<T, true>): LackingCases<T> {
  let first: fc.PropertyFailure | undefined;
  const lack = (): NotApplicable | undefined => (first?.error instanceof NotApplicable ? first.error : undefined);
  return {
    lack,
    property: {
      isAsync: () => true,
      generate: (mrng, runId) => property.generate(mrng, runId),
      shrink: (value) => property.shrink(value),
      async run(value) {
        if (lack() && first) return first;
        const result = await property.run(value);
        if (result !== null && !fc.PreconditionFailure.isFailure(result)) first ??= result;
        return result;
      },
      async runBeforeEach() {
        if (!lack()) await property.runBeforeEach();
      },
      async runAfterEach() {
        if (!lack()) await property.runAfterEach();
      },
    },
  };
}
