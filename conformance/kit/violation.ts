/**
 * A failure that names the requirements it breaks. A check covering many requirements throws it so that one broken
 * rule fails only its own requirements in the report, not every requirement the check covers.
 */
export class Violation extends Error {
  /**
   * Requirements of the check that its run checked in full before this finding (a finding reported last, after
   * every MUST rule held). The check's other requirements the finding does not name were never reached: they read
   * untested on its cell, not passed.
   */
  readonly checked?: readonly string[];

  constructor(
    readonly requirements: readonly string[],
    message: string,
    options?: ErrorOptions & { readonly checked?: readonly string[] },
  ) {
    super(message, options);
    this.name = 'Violation';
    if (options?.checked) this.checked = options.checked;
  }
}

/** What a thrown error tells a failure about its requirements: those it breaks and those checked before it. */
export function violationDetails(error: unknown): { requirements?: readonly string[]; checked?: readonly string[] } {
  if (!(error instanceof Violation)) return {};
  return { requirements: error.requirements, ...(error.checked ? { checked: error.checked } : {}) };
}

/**
 * Runs one step of a check; any failure in it that names no requirements is charged to `requirements`, so a
 * scenario of many steps attributes each failure to the rule its step shows.
 */
export async function within<T>(requirements: readonly string[], step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Violation) throw error;
    // The cause goes along, so that an exception of the kit's own code is still told from a broken rule.
    throw new Violation(requirements, error instanceof Error ? error.message : String(error), { cause: error });
  }
}
