/**
 * A failure that names the requirements it breaks. A check covering many requirements throws it so that one broken
 * rule fails only its own requirements in the report, not every requirement the check covers.
 */
export class Violation extends Error {
  constructor(
    readonly requirements: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'Violation';
  }
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
    throw new Violation(requirements, (error as Error).message);
  }
}
