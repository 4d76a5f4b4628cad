/**
 * A check's own setup, told from what it tests. When pairing a device for a backup check fails, the check has not
 * tested anything yet: that is an error of the check, not a failure of every requirement it covers. A setup step
 * names the rules it exercises itself (pairing exercises the pairing rules), so a check that covers one of them
 * still fails it: the runner judges a SetupError so (conformance/runner/thrown-errors.ts).
 */
import { NotApplicable } from './check.js';

export class SetupError extends Error {
  constructor(
    /** What the setup was doing, e.g. "pairing a device for the check". */
    readonly what: string,
    /** The requirements the step itself shows: a check covering one of them fails it, others error. */
    readonly exercises: readonly string[],
    options: ErrorOptions,
  ) {
    super(`${what} failed`, options);
    this.name = 'SetupError';
  }
}

/** Runs a setup step; whatever it throws marks the check's setup as failed, not a rule as broken. */
export async function setup<T>(what: string, exercises: readonly string[], step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    // A target found, only now, to lack what the check needs skips it; an inner setup already said what it did.
    if (error instanceof NotApplicable || error instanceof SetupError) throw error;
    throw new SetupError(what, exercises, { cause: error });
  }
}
